package io.vinyldetective.engine.alerts;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.bot.ChatNotices;
import io.vinyldetective.engine.destinations.Destination;
import io.vinyldetective.engine.destinations.DestinationStore;
import io.vinyldetective.engine.http.Sleeper;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.storage.Transactions;
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
 * The alert outbox (table {@code alert_outbox}): an alert is written once per (chat, listing,
 * destination) before anything is sent, then delivered by {@link #drain} and marked. The
 * destinations are the chat itself (through the chat's notifier, destination 0) and every active
 * place the chat added with {@code /notify} ({@link DestinationStore}); all rows of one alert are
 * written in one transaction, when the alert is first written. Rows survive restarts, so a crash
 * loses nothing; a row is marked sent as soon as the notifier reports it delivered, so nothing is
 * sent twice (the one window left is a crash between the service's answer and that update).
 *
 * <p>Delivery results: delivered marks the row sent; retry-later waits the notifier's delay or
 * backs off exponentially. A delay holds every alert of that notifier (Telegram's 429 is about the
 * bot), or with {@link Delivery#recipientOnly()} only that recipient's (a Discord webhook's own
 * limit). Gone for the chat itself marks the chat's pending rows gone and pauses its searches; gone
 * for an added destination disables that destination only, settles its rows, and tells the chat. A
 * bad item marks the row failed, as is an auction that ended before it could be sent. Pacing: at
 * most one message per destination per {@link #PER_RECIPIENT_GAP}, and one per {@link #OVERALL_GAP}
 * per notifier (Telegram's ≈1/s per
 * chat, ≈30/s overall). Log lines name a destination by its number, never by its address.
 *
 * <p>One thread drains; enqueueing is safe from any thread.
 */
@Singleton
public class AlertOutbox {

    static final Duration PER_RECIPIENT_GAP = Duration.ofSeconds(1);
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
    private final DestinationStore destinations;
    private final ChatNotices notices;
    private final Clock clock;
    private final Sleeper sleeper;
    /** Per (notifier, recipient): when it was last sent to, and until when it is held. */
    private final Map<String, Instant> lastSentTo = new HashMap<>();
    private final Map<String, Instant> recipientPausedUntil = new HashMap<>();
    private final Map<String, Instant> notifierPausedUntil = new HashMap<>();
    private final Map<String, Instant> lastSentBy = new HashMap<>();
    private volatile Runnable onQueued = () -> { };

    @Inject
    public AlertOutbox(EngineDatabase database, ChatFeedback feedback, ChatNotices notices, Clock clock) {
        this(database.dataSource(), feedback, notices, clock, Sleeper.SYSTEM);
    }

    /** For tests and tools: a chat whose destination is gone is told only in the log. */
    public AlertOutbox(EngineDatabase database, ChatFeedback feedback, Clock clock) {
        this(database.dataSource(), feedback, new ChatNotices(), clock, Sleeper.SYSTEM);
    }

    AlertOutbox(DataSource dataSource, ChatFeedback feedback, Clock clock, Sleeper sleeper) {
        this(dataSource, feedback, new ChatNotices(), clock, sleeper);
    }

    AlertOutbox(DataSource dataSource, ChatFeedback feedback, ChatNotices notices, Clock clock, Sleeper sleeper) {
        this.dataSource = dataSource;
        this.feedback = feedback;
        this.destinations = new DestinationStore(dataSource);
        this.notices = notices;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Writes an alert for a chat, to the chat itself through {@code notifierId} and to each of the
     * chat's active destinations, in one transaction; unless it was written before (same chat and
     * listing), the chat muted the release, or a subscriber marked this listing a wrong match for it.
     * A destination added after an alert was first written does not get that alert.
     */
    public Enqueued enqueue(String notifierId, String chatId, Deal deal) {
        long releaseId = deal.release().id();
        if (feedback.isMuted(chatId, releaseId)) {
            return Enqueued.MUTED;
        }
        if (feedback.isWrongMatch(deal.listing().id(), releaseId)) {
            return Enqueued.WRONG_MATCH;
        }
        List<Destination> also = destinations.active(chatId);
        String payload = DealJson.write(deal);
        boolean queued;
        try {
            queued = Transactions.inTransaction(dataSource, c -> {
                if (!insert(c, notifierId, chatId, 0, deal, payload)) {
                    return false;
                }
                for (Destination d : also) {
                    insert(c, d.notifierId(), chatId, d.id(), deal, payload);
                }
                return true;
            });
        } catch (SQLException e) {
            throw new StorageException("Cannot write to the alert outbox: " + e.getMessage(), e);
        }
        if (!queued) {
            return Enqueued.ALREADY_QUEUED;
        }
        onQueued.run();
        return Enqueued.QUEUED;
    }

    /** Writes one alert for one destination only (a test card); false when that listing was written for it before. */
    public boolean enqueueTo(Destination destination, Deal deal) {
        boolean queued;
        try (Connection c = dataSource.getConnection()) {
            queued = insert(c, destination.notifierId(), destination.chatId(), destination.id(), deal, DealJson.write(deal));
        } catch (SQLException e) {
            throw new StorageException("Cannot write to the alert outbox: " + e.getMessage(), e);
        }
        if (queued) {
            onQueued.run();
        }
        return queued;
    }

    private boolean insert(Connection c, String notifierId, String chatId, long destinationId, Deal deal, String payload)
            throws SQLException {
        long now = clock.millis();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO alert_outbox (notifier, chat_id, destination_id, listing_id, release_id, deal_score, "
                        + "payload, state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)")) {
            ps.setString(1, notifierId);
            ps.setString(2, chatId);
            ps.setLong(3, destinationId);
            ps.setString(4, deal.listing().id());
            ps.setLong(5, deal.release().id());
            ps.setDouble(6, deal.discount());
            ps.setString(7, payload);
            ps.setLong(8, now);
            ps.setLong(9, now);
            return ps.executeUpdate() == 1;
        }
    }

    /** Called after each alert written (the drainer uses it to deliver at once rather than at its next turn). */
    public void onQueued(Runnable listener) {
        onQueued = listener;
    }

    /**
     * Delivers the due alerts through their notifiers (by plugin id), paced; returns how many were
     * delivered. Rows whose destination was sent to less than {@link #PER_RECIPIENT_GAP} ago, or whose
     * notifier or recipient is held, or whose notifier is not configured, wait for a later drain.
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
            if (row.destinationId != 0 && !row.destinationActive) {
                // Removed or disabled after this row was read: its rows were settled with it.
                finish(row.id, "failed", "destination #" + row.destinationId + " is no longer active");
                continue;
            }
            String key = row.key();
            if (now.isBefore(recipientPausedUntil.getOrDefault(key, Instant.MIN))
                    || now.isBefore(lastSentTo.getOrDefault(key, Instant.MIN).plus(PER_RECIPIENT_GAP))) {
                continue;
            }
            Duration wait = Duration.between(now, lastSentBy.getOrDefault(row.notifier, Instant.MIN).plus(OVERALL_GAP));
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
            result = notifier.deliver(new Alert(row.id, row.recipient, deal));
        } catch (PluginException.BadItem e) {
            LOG.warn("Alert {} to {} cannot be sent: {}", row.id, row.label(), e.getMessage());
            finish(row.id, "failed", e.getMessage());
            return false;
        } catch (PluginException.RetryLater e) {
            result = Delivery.retryLater(e.after(), e.getMessage());
        } catch (RuntimeException e) {
            result = Delivery.retryLater(null, e.toString());
        }
        Instant now = clock.instant();
        lastSentBy.put(row.notifier, now);
        lastSentTo.put(row.key(), now);
        switch (result.status()) {
            case DELIVERED:
                finish(row.id, "sent", null);
                return true;
            case GONE:
                if (row.destinationId == 0) {
                    LOG.info("Chat {} is gone ({}): its alerts are dropped and its searches paused", row.chatId, result.detail());
                    chatGone(row.chatId, result.detail());
                } else {
                    destinationGone(row, result.detail(), now);
                }
                return false;
            default:
                retryLater(row, result, now);
                return false;
        }
    }

    private void retryLater(Row row, Delivery result, Instant now) {
        int attempts = row.attempts + 1;
        if (result.retryAfter() == null && attempts >= MAX_ATTEMPTS) {
            LOG.warn("Alert {} to {} given up after {} attempts: {}", row.id, row.label(), attempts, result.detail());
            finish(row.id, "failed", result.detail());
            return;
        }
        Duration wait = result.retryAfter();
        if (wait != null && result.recipientOnly()) {
            recipientPausedUntil.put(row.key(), now.plus(wait));
        } else if (wait != null) {
            // A 429 of a bot or an account is not about one recipient: hold every alert of this notifier.
            notifierPausedUntil.put(row.notifier, now.plus(wait));
        } else {
            wait = backoff(attempts);
        }
        LOG.info("Alert {} to {}: retry in {}s ({})", row.id, row.label(), wait.toSeconds(), result.detail());
        update("UPDATE alert_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts, now.plus(wait).toEpochMilli(), result.detail(), row.id);
    }

    /** A destination the chat added is gone: disable it (its pending rows with it) and tell the chat; the chat's searches go on. */
    private void destinationGone(Row row, String detail, Instant now) {
        String reason = detail == null || detail.isBlank() ? "the service says it is gone" : detail;
        if (!destinations.disable(row.destinationId, reason, now)) {
            return;
        }
        LOG.info("Destination #{} ({}) of chat {} is gone ({}): disabled", row.destinationId, row.notifier, row.chatId, reason);
        notices.send(row.chatId, "Your " + row.notifier + " destination #" + row.destinationId + " (" + row.display
                + ") stopped working: " + reason + ". I no longer send alerts there; your searches go on. /notify remove "
                + row.destinationId + " deletes it, /notify " + row.notifier + " <address> adds one again.");
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

    /** One due row; for an added destination with its recipient and display, for the chat itself the chat id. */
    private record Row(long id, String notifier, String chatId, long destinationId, String recipient, String display,
                       boolean destinationActive, long releaseId, String payload, int attempts) {

        /** What pacing and holds are kept per: the notifier and the address it delivers to. */
        String key() {
            return notifier + "\u0000" + recipient;
        }

        /** How log lines name the destination: never by an address, which may hold secrets. */
        String label() {
            return destinationId == 0 ? "chat " + chatId : "destination #" + destinationId + " (" + notifier + ") of chat " + chatId;
        }
    }

    private List<Row> due() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT o.id, o.notifier, o.chat_id, o.destination_id, d.recipient, d.display, d.state, o.release_id, "
                        + "o.payload, o.attempts FROM alert_outbox o LEFT JOIN chat_destinations d ON d.id = o.destination_id "
                        + "WHERE o.state = 'pending' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT " + BATCH)) {
            ps.setLong(1, clock.millis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long destination = rs.getLong(4);
                    String chat = rs.getString(3);
                    rows.add(new Row(rs.getLong(1), rs.getString(2), chat, destination,
                            destination == 0 ? chat : rs.getString(5), destination == 0 ? "this chat" : rs.getString(6),
                            destination == 0 || "active".equals(rs.getString(7)), rs.getLong(8), rs.getString(9),
                            rs.getInt(10)));
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
