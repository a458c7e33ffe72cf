package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.engine.alerts.DealJson;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.storage.Transactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;

/**
 * The listings the daemon has dealt with: each listing once in {@code ebay_listings} (what it was,
 * what it matched), and per query in {@code search_listings} (so a query skips what it has seen).
 * Keeps each query's poll backlog ({@code poll_backlog}) so a restart does not lose it. Also answers the
 * relist question: did this chat get an alert for another listing of the same
 * seller with the same title?
 */
@Singleton
public class SeenListings {

    private static final Logger LOG = LoggerFactory.getLogger(SeenListings.class);

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public SeenListings(EngineDatabase database, Clock clock) {
        this(database.dataSource(), clock);
    }

    SeenListings(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Whether a poll of this query has dealt with the listing. */
    public boolean seen(QueryKey query, String listingId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM search_listings WHERE query_key = ? AND listing_id = ?")) {
            ps.setString(1, query.key());
            ps.setString(2, listingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read seen listings: " + e.getMessage(), e);
        }
    }

    /** Keeps what a listing is (first sighting wins); needed before alerts so relists can be recognised. */
    public void record(Listing listing) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ebay_listings (id, source, title, price, currency, shipping, seller, condition, format, gtin,"
                        + " web_url, image_url, created_at, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, listing.id());
            ps.setString(2, listing.source() == null ? "unknown" : listing.source());
            ps.setString(3, listing.title());
            ps.setBigDecimal(4, listing.price() == null ? null : listing.price().amount());
            ps.setString(5, listing.price() == null ? null : listing.price().currency());
            ps.setBigDecimal(6, listing.shipping() == null ? null : listing.shipping().amount());
            ps.setString(7, listing.seller() == null ? null : listing.seller().username());
            ps.setString(8, listing.condition());
            ps.setString(9, listing.format() == null ? null : listing.format().name());
            ps.setString(10, listing.gtin());
            ps.setString(11, listing.webUrl());
            ps.setString(12, listing.imageUrl());
            if (listing.createdAt() == null) {
                ps.setNull(13, Types.BIGINT);
            } else {
                ps.setLong(13, listing.createdAt().toEpochMilli());
            }
            ps.setLong(14, clock.millis());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot record listing " + listing.id() + ": " + e.getMessage(), e);
        }
    }

    /** Notes what a listing matched (a release the catalog does not hold is left out). */
    public void matched(String listingId, MatchResult match) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE ebay_listings SET matched_release_id = (SELECT id FROM discogs_releases WHERE id = ?),"
                        + " match_method = ? WHERE id = ?")) {
            ps.setLong(1, match.releaseId());
            ps.setString(2, match.method());
            ps.setString(3, listingId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot record the match of listing " + listingId + ": " + e.getMessage(), e);
        }
    }

    /** Marks listings as dealt with for a query, in one transaction. */
    public void markSeen(QueryKey query, Collection<String> listingIds) {
        if (listingIds.isEmpty()) {
            return;
        }
        long now = clock.millis();
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_listings (query_key, listing_id,"
                        + " first_seen_at) VALUES (?, ?, ?) ON CONFLICT (query_key, listing_id) DO NOTHING")) {
                    for (String id : listingIds) {
                        ps.setString(1, query.key());
                        ps.setString(2, id);
                        ps.setLong(3, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("Cannot mark listings seen: " + e.getMessage(), e);
        }
    }

    /** The listings waiting in a query's backlog for a source, in the order to deal with them. */
    public Map<String, Listing> backlog(QueryKey query, String source) {
        Map<String, Listing> waiting = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT listing_id, listing FROM poll_backlog WHERE query_key = ? AND source = ? ORDER BY position")) {
            ps.setString(1, query.key());
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        waiting.put(rs.getString(1), DealJson.readListing(rs.getString(2)));
                    } catch (IllegalArgumentException e) {
                        LOG.warn("Backlog listing {} unreadable, dropped: {}", rs.getString(1), e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read the poll backlog: " + e.getMessage(), e);
        }
        return waiting;
    }

    /** Replaces what waits in a query's backlog for a source (in one transaction). */
    public void saveBacklog(QueryKey query, String source, Collection<Listing> waiting) {
        long now = clock.millis();
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM poll_backlog WHERE query_key = ? AND source = ?")) {
                    delete.setString(1, query.key());
                    delete.setString(2, source);
                    delete.executeUpdate();
                }
                if (waiting.isEmpty()) {
                    return null;
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO poll_backlog (query_key, source, listing_id,"
                        + " position, listing, queued_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    int position = 0;
                    for (Listing listing : waiting) {
                        insert.setString(1, query.key());
                        insert.setString(2, source);
                        insert.setString(3, listing.id());
                        insert.setInt(4, position++);
                        insert.setString(5, DealJson.writeListing(listing));
                        insert.setLong(6, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("Cannot save the poll backlog: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the chat already has an alert for another listing by the same seller with the same
     * title (a relist under a new id). Listings without a seller are never treated as relists.
     */
    public boolean relistAlerted(String chatId, Listing listing) {
        if (listing.seller() == null || listing.seller().username() == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM ebay_listings l JOIN alert_outbox o ON o.listing_id = l.id"
                        + " WHERE l.seller = ? AND l.title = ? AND l.id <> ? AND o.chat_id = ? LIMIT 1")) {
            ps.setString(1, listing.seller().username());
            ps.setString(2, listing.title());
            ps.setString(3, listing.id());
            ps.setString(4, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot check for relists: " + e.getMessage(), e);
        }
    }

    /**
     * Forgets listings first seen before {@code before} (the daily cleanup); alerts already queued or
     * sent keep their own copy, so nothing a user received is lost. Returns how many listings went.
     */
    public int forgetBefore(Instant before) {
        long cutoff = before.toEpochMilli();
        try {
            return Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement seen = c.prepareStatement("DELETE FROM search_listings WHERE first_seen_at < ?");
                     PreparedStatement backlog = c.prepareStatement("DELETE FROM poll_backlog WHERE queued_at < ?");
                     PreparedStatement listings = c.prepareStatement("DELETE FROM ebay_listings WHERE first_seen_at < ?"
                             + " AND id NOT IN (SELECT listing_id FROM alert_log)")) {
                    seen.setLong(1, cutoff);
                    seen.executeUpdate();
                    backlog.setLong(1, cutoff);
                    backlog.executeUpdate();
                    listings.setLong(1, cutoff);
                    return listings.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StorageException("Cannot clean up old listings: " + e.getMessage(), e);
        }
    }
}
