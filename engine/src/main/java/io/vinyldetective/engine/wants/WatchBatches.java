package io.vinyldetective.engine.wants;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.storage.Transactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Packs the active watches into shared marketplace queries (tables {@code want_batches},
 * {@code want_terms}). Each watch has a term ({@link WantTerms}); watches with the same term and format
 * share it, and terms of one format share a batch as long as the source can put them in one query
 * (its {@code anyOf}: for eBay an OR group of at most 100 characters). A term keeps its batch while it
 * is wanted, so a new want changes one batch's query rather than shifting every batch (a changed query
 * starts its seen-listings afresh, which costs a first poll of a few pages). Terms no longer wanted
 * leave their batch; an empty batch goes, and a batch that shrank so far that its terms fit into
 * another batch of its format joins that one (one query fewer at every poll, for one changed query).
 */
@Singleton
public class WatchBatches {

    private final DataSource dataSource;
    private final WantStore wants;

    @Inject
    public WatchBatches(EngineDatabase database, WantStore wants) {
        this(database.dataSource(), wants);
    }

    public WatchBatches(DataSource dataSource, WantStore wants) {
        this.dataSource = dataSource;
        this.wants = wants;
    }

    /**
     * The batches of the active watches that are ready ({@link WantStore#watchable}), planned with the
     * source's query syntax.
     *
     * @param anyOf the source's {@code anyOf}: the query for these terms, or empty when they do not fit in one
     */
    public List<WatchBatch> plan(Function<List<String>, Optional<String>> anyOf) {
        Map<String, Map<String, List<Want>>> byFormat = new TreeMap<>();
        for (Want want : wants.watchable()) {
            String term = WantTerms.term(want);
            if (!term.isEmpty() && anyOf.apply(List.of(term)).isPresent()) {
                byFormat.computeIfAbsent(WantTerms.format(want), f -> new TreeMap<>())
                        .computeIfAbsent(term, t -> new ArrayList<>()).add(want);
            }
        }
        Map<Long, Batch> batches;
        try {
            batches = Transactions.inTransaction(dataSource, c -> assign(c, byFormat, anyOf));
        } catch (SQLException e) {
            throw new StorageException("Cannot plan the watch batches: " + e.getMessage(), e);
        }
        List<WatchBatch> planned = new ArrayList<>();
        for (Batch b : batches.values()) {
            List<String> terms = new ArrayList<>(b.terms);
            Optional<String> query = anyOf.apply(terms);
            if (query.isEmpty()) {
                continue; // cannot happen: every term was added only where the query still fit
            }
            List<Want> members = new ArrayList<>();
            terms.forEach(t -> members.addAll(byFormat.get(b.format).get(t)));
            planned.add(new WatchBatch(b.id, b.format.equals(WantTerms.ANY_FORMAT) ? null : MediaFormat.valueOf(b.format),
                    query.get(), members));
        }
        return planned;
    }

    /** When the batch's query, as it is now, was last polled; empty when never (a new or grown batch). */
    public Optional<Instant> lastPolled(long batchId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT last_polled_at FROM want_batches WHERE id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long at = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read the watch batches: " + e.getMessage(), e);
        }
    }

    /** Records a poll of the batch's query. */
    public void polled(long batchId, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE want_batches SET last_polled_at = ? WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, batchId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot record a watch poll: " + e.getMessage(), e);
        }
    }

    /** One batch as stored: its terms, kept sorted so its query text is stable. */
    private static final class Batch {
        final long id;
        final String format;
        final TreeSet<String> terms = new TreeSet<>();

        Batch(long id, String format) {
            this.id = id;
            this.format = format;
        }
    }

    private static Map<Long, Batch> assign(Connection c, Map<String, Map<String, List<Want>>> needed,
                                           Function<List<String>, Optional<String>> anyOf) throws SQLException {
        Map<Long, Batch> batches = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT b.id, t.format, t.term FROM want_batches b JOIN want_terms t"
                     + " ON t.batch_id = b.id ORDER BY b.id, t.term")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Batch batch = batches.get(id);
                if (batch == null) {
                    batch = new Batch(id, rs.getString(2));
                    batches.put(id, batch);
                }
                batch.terms.add(rs.getString(3));
            }
        }
        try (PreparedStatement dropTerm = c.prepareStatement("DELETE FROM want_terms WHERE batch_id = ? AND term = ?")) {
            for (Batch b : batches.values()) {
                for (String term : List.copyOf(b.terms)) {
                    if (!needed.getOrDefault(b.format, Map.of()).containsKey(term)) {
                        b.terms.remove(term);
                        dropTerm.setLong(1, b.id);
                        dropTerm.setString(2, term);
                        dropTerm.executeUpdate();
                    }
                }
            }
        }
        compact(c, batches, anyOf);
        Map<String, Long> assigned = new HashMap<>();
        batches.values().forEach(b -> b.terms.forEach(t -> assigned.put(b.format + "|" + t, b.id)));
        try (PreparedStatement addTerm = c.prepareStatement("INSERT INTO want_terms (batch_id, term, format) VALUES (?, ?, ?)");
             PreparedStatement grown = c.prepareStatement("UPDATE want_batches SET last_polled_at = NULL WHERE id = ?");
             PreparedStatement newBatch = c.prepareStatement("INSERT INTO want_batches (format) VALUES (?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            for (Map.Entry<String, Map<String, List<Want>>> f : needed.entrySet()) {
                for (String term : f.getValue().keySet()) {
                    if (assigned.containsKey(f.getKey() + "|" + term)) {
                        continue;
                    }
                    Batch home = null;
                    for (Batch b : batches.values()) {
                        if (b.format.equals(f.getKey()) && fits(b, term, anyOf)) {
                            home = b;
                            break;
                        }
                    }
                    if (home == null) {
                        newBatch.setString(1, f.getKey().equals(WantTerms.ANY_FORMAT) ? null : f.getKey());
                        newBatch.executeUpdate();
                        try (ResultSet keys = newBatch.getGeneratedKeys()) {
                            keys.next();
                            home = new Batch(keys.getLong(1), f.getKey());
                        }
                        batches.put(home.id, home);
                    }
                    home.terms.add(term);
                    grown.setLong(1, home.id); // a new term: its listings are new to the batch, poll it at once
                    grown.executeUpdate();
                    addTerm.setLong(1, home.id);
                    addTerm.setString(2, term);
                    addTerm.setString(3, f.getKey());
                    addTerm.executeUpdate();
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM want_batches WHERE id NOT IN (SELECT batch_id FROM want_terms)");
        }
        batches.values().removeIf(b -> b.terms.isEmpty());
        return batches;
    }

    /**
     * Moves the terms of a batch into another batch of the same format when they all fit there, smallest
     * batches first; the batch that took them is due at once (its query changed), the emptied one goes.
     */
    private static void compact(Connection c, Map<Long, Batch> batches, Function<List<String>, Optional<String>> anyOf)
            throws SQLException {
        List<Batch> bySize = new ArrayList<>(batches.values());
        bySize.removeIf(b -> b.terms.isEmpty());
        bySize.sort(Comparator.comparingInt((Batch b) -> b.terms.size()).thenComparingLong(b -> b.id));
        try (PreparedStatement move = c.prepareStatement("UPDATE want_terms SET batch_id = ? WHERE batch_id = ?");
             PreparedStatement grown = c.prepareStatement("UPDATE want_batches SET last_polled_at = NULL WHERE id = ?")) {
            for (Batch small : bySize) {
                if (small.terms.isEmpty()) {
                    continue;
                }
                for (Batch other : bySize) {
                    if (other == small || other.terms.isEmpty() || !other.format.equals(small.format)) {
                        continue;
                    }
                    List<String> union = new ArrayList<>(other.terms);
                    union.addAll(small.terms);
                    union.sort(null);
                    if (anyOf.apply(union).isEmpty()) {
                        continue;
                    }
                    move.setLong(1, other.id);
                    move.setLong(2, small.id);
                    move.executeUpdate();
                    grown.setLong(1, other.id);
                    grown.executeUpdate();
                    other.terms.addAll(small.terms);
                    small.terms.clear();
                    break;
                }
            }
        }
    }

    private static boolean fits(Batch batch, String term, Function<List<String>, Optional<String>> anyOf) {
        List<String> terms = new ArrayList<>(batch.terms);
        terms.add(term);
        terms.sort(null);
        return anyOf.apply(terms).isPresent();
    }
}
