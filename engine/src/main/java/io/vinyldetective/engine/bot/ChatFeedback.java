package io.vinyldetective.engine.bot;

import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What subscribers answered with the alert buttons (tables {@code chat_mutes} and
 * {@code wrong_matches}), and the alert counts {@code /status} shows. The alerting side asks
 * {@link #isMuted} before alerting a chat, and matching asks {@link #isWrongMatch} before accepting
 * a listing-release pair.
 */
@Singleton
public class ChatFeedback {

    /** The listing id of every {@code /notify test} card starts with this (no marketplace id does). */
    public static final String TEST_CARD_PREFIX = "vd-test-";

    private final DataSource dataSource;

    @Inject
    public ChatFeedback(EngineDatabase database) {
        this(database.dataSource());
    }

    /** For tests and tools: over a plain (migrated) data source. */
    public ChatFeedback(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records 'mute this release' for a chat; returns false when it was muted already. */
    public boolean mute(String chatId, long releaseId, Instant at) {
        return update("INSERT OR IGNORE INTO chat_mutes (chat_id, release_id, muted_at) VALUES (?, ?, ?)",
                chatId, releaseId, at.toEpochMilli()) > 0;
    }

    public boolean isMuted(String chatId, long releaseId) {
        return count("SELECT COUNT(*) FROM chat_mutes WHERE chat_id = ? AND release_id = ?", chatId, releaseId) > 0;
    }

    /** Records 'wrong match'; returns false when this chat had reported it already. */
    public boolean reportWrongMatch(String chatId, String listingId, long releaseId, Instant at) {
        return update("INSERT OR IGNORE INTO wrong_matches (listing_id, release_id, chat_id, reported_at) VALUES (?, ?, ?, ?)",
                listingId, releaseId, chatId, at.toEpochMilli()) > 0;
    }

    /** Whether any subscriber said this listing is not this release. */
    public boolean isWrongMatch(String listingId, long releaseId) {
        return count("SELECT COUNT(*) FROM wrong_matches WHERE listing_id = ? AND release_id = ?", listingId, releaseId) > 0;
    }

    /**
     * Alerts delivered to a chat since a moment (from the alert outbox): deals, counted once however
     * many of the chat's destinations got them; {@code /notify test} cards are not counted.
     */
    public long alertsSentSince(String chatId, Instant since) {
        return count("SELECT COUNT(DISTINCT listing_id) FROM alert_outbox WHERE chat_id = ? AND state = 'sent' AND sent_at >= ?"
                + " AND listing_id NOT LIKE '" + TEST_CARD_PREFIX + "%'", chatId, since.toEpochMilli());
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = bind(c.prepareStatement(sql), args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot store chat feedback: " + e.getMessage(), e);
        }
    }

    private long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = bind(c.prepareStatement(sql), args);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StorageException("Cannot read chat feedback: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
