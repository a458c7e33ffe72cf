package io.vinyldetective.engine.alerts;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.http.Sleeper;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert outbox (table {@code alert_outbox}): an alert is written once per (chat, listing)
 * before anything is sent, then delivered by {@link #drain} and marked. Rows survive restarts, so a
 * crash loses nothing; a row is marked sent as soon as the notifier reports it delivered, so nothing
 * is sent twice (the one window left is a crash between the service's answer and that update).
 *
 * <p>Delivery results: delivered marks the row sent; retry-later waits the notifier's delay (429's
 * {@code retry_after}, which also pauses that notifier for every chat) or backs off exponentially;
 * gone marks the chat's pending rows gone and pauses the chat's searches; a bad item marks the row
 * failed, as is an auction that ended before it could be sent. Pacing: at most one message per chat
 * per {@link #PER_CHAT_GAP} and one per {@link #OVERALL_GAP} overall (Telegram's ≈1/s per chat, ≈30/s
 * overall).
 *
 * <p>One thread drains; enqueueing is safe from any thread.
 */
@Singleton
public class AlertOutbox {

    static final Duration PER_CHAT_GAP = Duration.ofSeconds(1);
    static final Duration OVERALL_GAP = Duration.ofMillis(34);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** Attempts after which an alert that keeps failing for unknown reasons is given up. */
    static final int MAX_ATTEMPTS = 12;
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(AlertOutbox.class);

    /** What {@link #enqueue} did. */
    public enum Enqueued { QUEUED, ALREADY_QUEUED, MUTED, WRONG_MATCH }

    private final DataSource dataSource;
    private final ChatFeedback feedback;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> lastSentToChat = new HashMap<>();
    private final Map<String, Instant> notifierPausedUntil = new HashMap<>();
    private Instant lastSent = Instant.MIN;
    private volatile Runnable onQueued = () -> { };

    @Inject
    public AlertOutbox(EngineDatabase database, ChatFeedback feedback, Clock clock) {
        this(database.dataSource(), feedback, clock, Sleeper.SYSTEM);
    }

    AlertOutbox(DataSource dataSource, ChatFeedback feedback, Clock clock, Sleeper sleeper) {
        this.dataSource = dataSource;
        this.feedback = feedback;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Writes an alert for a chat unless it was written before (same chat and listing), the chat
     * muted the release, or a subscriber marked this listing a wrong match for it.
     */
    public Enqueued enqueue(String notifierId, String chatId, Deal deal) {
        long releaseId = deal.release().id();
        if (feedback.isMuted(chatId, releaseId)) {
            return Enqueued.MUTED;
        }
        if (feedback.isWrongMatch(deal.listing().id(), releaseId)) {
            return Enqueued.WRONG_MATCH;
        }
        long now = clock.millis();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO alert_outbox (notifier, chat_id, listing_id, release_id, deal_score, payload, "
                        + "state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)")) {
            ps.setString(1, notifierId);
            ps.setString(2, chatId);
            ps.setString(3, deal.listing().id());
            ps.setLong(4, releaseId);
            ps.setDouble(5, deal.discount());
            ps.setString(6, DealJson.write(deal));
            ps.setLong(7, now);
            ps.setLong(8, now);
            if (ps.executeUpdate() != 1) {
                return Enqueued.ALREADY_QUEUED;
            }
            onQueued.run();
            return Enqueued.QUEUED;
        } catch (SQLException e) {
            throw new StorageException("Cannot write to the alert outbox: " + e.getMessage(), e);
        }
    }

    /** Called after each alert written (the drainer uses it to deliver at once rather than at its next turn). */
    public void onQueued(Runnable listener) {
        onQueued = listener;
    }

    /**
     * Delivers the due alerts through their notifiers (by plugin id), paced; returns how many were
     * delivered. Rows whose chat was sent to less than {@link #PER_CHAT_GAP} ago, or whose notifier
     * is paused or not configured, wait for a later drain.
     */
    public int drain(Map<String, Notifier> notifiers) throws InterruptedException {
        return drain(notifiers, Instant.MAX);
    }

    /** As {@link #drain(Map)}, but starts no delivery after {@code deadline} (the rest wait for the next start). */
    public synchronized int drain(Map<String, Notifier> notifiers, Instant deadline) throws InterruptedException {
        int delivered = 0;
        for (Row row : due()) {
            Instant now = clock.instant();
            if (now.isAfter(deadline)) {
                break;
            }
            Notifier notifier = notifiers.get(row.notifier);
            if (notifier == null || now.isBefore(notifierPausedUntil.getOrDefault(row.notifier, Instant.MIN))) {
                continue;
            }
            if (now.isBefore(lastSentToChat.getOrDefault(row.chatId, Instant.MIN).plus(PER_CHAT_GAP))) {
                continue;
            }
            Duration wait = Duration.between(now, lastSent.plus(OVERALL_GAP));
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
            if (feedback.isMuted(row.chatId, row.releaseId)) {
                finish(row.id, "failed", "muted by the chat before delivery");
                continue;
            }
            if (deliver(notifier, row)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(Notifier notifier, Row row) {
        Deal deal;
        try {
            deal = DealJson.read(row.payload);
        } catch (IllegalArgumentException e) {
            finish(row.id, "failed", e.getMessage());
            return false;
        }
        Instant ends = deal.listing().endsAt();
        if (ends != null && deal.listing().auctionOnly() && !clock.instant().isBefore(ends)) {
            LOG.info("Alert {} to chat {} dropped: the auction ended before it could be sent", row.id, row.chatId);
            finish(row.id, "failed", "the auction ended before delivery");
            return false;
        }
        Delivery result;
        try {
            result = notifier.deliver(new Alert(row.id, row.chatId, deal));
        } catch (PluginException.BadItem e) {
            LOG.warn("Alert {} to chat {} cannot be sent: {}", row.id, row.chatId, e.getMessage());
            finish(row.id, "failed", e.getMessage());
            return false;
        } catch (PluginException.RetryLater e) {
            result = Delivery.retryLater(e.after(), e.getMessage());
        } catch (RuntimeException e) {
            result = Delivery.retryLater(null, e.toString());
        }
        Instant now = clock.instant();
        lastSent = now;
        lastSentToChat.put(row.chatId, now);
        switch (result.status()) {
            case DELIVERED:
                finish(row.id, "sent", null);
                return true;
            case GONE:
                LOG.info("Chat {} is gone ({}): its alerts are dropped and its searches paused", row.chatId, result.detail());
                chatGone(row.chatId, result.detail());
                return false;
            default:
                retryLater(row, result, now);
                return false;
        }
    }

    private void retryLater(Row row, Delivery result, Instant now) {
        int attempts = row.attempts + 1;
        if (result.retryAfter() == null && attempts >= MAX_ATTEMPTS) {
            LOG.warn("Alert {} to chat {} given up after {} attempts: {}", row.id, row.chatId, attempts, result.detail());
            finish(row.id, "failed", result.detail());
            return;
        }
        Duration wait = result.retryAfter();
        if (wait != null) {
            // A 429 is about the bot, not one chat: hold every alert of this notifier.
            notifierPausedUntil.put(row.notifier, now.plus(wait));
        } else {
            wait = backoff(attempts);
        }
        LOG.info("Alert {} to chat {}: retry in {}s ({})", row.id, row.chatId, wait.toSeconds(), result.detail());
        update("UPDATE alert_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts, now.plus(wait).toEpochMilli(), result.detail(), row.id);
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private void finish(long id, String state, String detail) {
        update("UPDATE alert_outbox SET state = ?, sent_at = ?, last_error = ? WHERE id = ?", state,
                state.equals("sent") ? clock.millis() : null, detail, id);
    }

    private void chatGone(String chatId, String detail) {
        update("UPDATE alert_outbox SET state = 'gone', last_error = ? WHERE chat_id = ? AND state = 'pending'", detail, chatId);
        update("UPDATE saved_searches SET active = FALSE WHERE chat_id = ?", chatId);
    }

    /** How many alerts wait to be delivered (due now or later). */
    public int pending() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM alert_outbox WHERE state = 'pending'"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StorageException("Cannot read the alert outbox: " + e.getMessage(), e);
        }
    }

    private record Row(long id, String notifier, String chatId, long releaseId, String payload, int attempts) {
    }

    private List<Row> due() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, notifier, chat_id, release_id, payload, attempts FROM alert_outbox "
                        + "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT " + BATCH)) {
            ps.setLong(1, clock.millis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read the alert outbox: " + e.getMessage(), e);
        }
        return rows;
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot update the alert outbox: " + e.getMessage(), e);
        }
    }
}
