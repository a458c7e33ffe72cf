package io.vinyldetective.engine.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ChatHandler;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.bot.ChatNotices;
import io.vinyldetective.engine.destinations.Destination;
import io.vinyldetective.engine.destinations.DestinationStore;
import io.vinyldetective.engine.destinations.HookNotifier;
import io.vinyldetective.engine.pipeline.Stage;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.storage.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class AlertOutboxTest {

    @TempDir
    Path dir;
    private SQLiteDataSource db;
    private ChatFeedback feedback;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();
    private final Recorder notifier = new Recorder();

    /** Records every alert; answers from a script, then 'delivered'. */
    private static final class Recorder implements Notifier {
        final List<Alert> seen = new ArrayList<>();
        final Deque<Function<Alert, Delivery>> script = new ArrayDeque<>();

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public Delivery deliver(Alert alert) {
            seen.add(alert);
            Function<Alert, Delivery> next = script.poll();
            return next == null ? Delivery.delivered() : next.apply(alert);
        }

        List<String> listings() {
            return seen.stream().map(a -> a.recipient() + ":" + a.deal().listing().id()).toList();
        }
    }

    @BeforeEach
    void migrate() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        db = new SQLiteDataSource(config);
        db.setUrl("jdbc:sqlite:" + dir.resolve("outbox.db"));
        new Migrations().migrate(db);
        feedback = new ChatFeedback(db);
    }

    private AlertOutbox outbox() {
        return new AlertOutbox(db, feedback, clock, slept::add);
    }

    private int drain(AlertOutbox outbox) throws InterruptedException {
        return outbox.drain(Map.of("telegram", notifier));
    }

    @Test
    void anAlertIsWrittenOncePerChatAndListing() {
        AlertOutbox outbox = outbox();
        assertEquals(AlertOutbox.Enqueued.QUEUED, outbox.enqueue("telegram", "1", TestDeals.full("L1", 5)));
        assertEquals(AlertOutbox.Enqueued.ALREADY_QUEUED, outbox.enqueue("telegram", "1", TestDeals.full("L1", 5)));
        assertEquals(AlertOutbox.Enqueued.QUEUED, outbox.enqueue("telegram", "2", TestDeals.full("L1", 5)));
        assertEquals(2, count("SELECT COUNT(*) FROM alert_outbox"));
    }

    @Test
    void mutedReleasesAndWrongMatchesAreNeverQueued() throws InterruptedException {
        AlertOutbox outbox = outbox();
        feedback.mute("1", 5, clock.instant());
        feedback.reportWrongMatch("2", "L9", 6, clock.instant());
        assertEquals(AlertOutbox.Enqueued.MUTED, outbox.enqueue("telegram", "1", TestDeals.full("L1", 5)));
        assertEquals(AlertOutbox.Enqueued.WRONG_MATCH, outbox.enqueue("telegram", "3", TestDeals.full("L9", 6)));
        assertEquals(AlertOutbox.Enqueued.QUEUED, outbox.enqueue("telegram", "2", TestDeals.full("L1", 5)));
        // Muted after it was queued: dropped, not sent.
        assertEquals(AlertOutbox.Enqueued.QUEUED, outbox.enqueue("telegram", "4", TestDeals.full("L2", 8)));
        feedback.mute("4", 8, clock.instant());
        assertEquals(1, drain(outbox));
        assertEquals(List.of("2:L1"), notifier.listings());
    }

    @Test
    void deliveredAlertsAreMarkedSentCountedAndNotSentAgain() throws InterruptedException {
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("L1", 5));
        assertEquals(1, drain(outbox));
        assertEquals(TestDeals.full("L1", 5), notifier.seen.get(0).deal());
        assertEquals(0, drain(outbox));
        assertEquals("sent", text("SELECT state FROM alert_outbox"));
        assertEquals(1, feedback.alertsSentSince("1", clock.instant().minusSeconds(60)));
    }

    @Test
    void anAuctionIsSentWithItsEndAndBidsButDroppedOnceItHasEnded() throws InterruptedException {
        AlertOutbox outbox = outbox();
        Deal live = TestDeals.auction("A1", 5, clock.instant().plus(Duration.ofMinutes(20)));
        outbox.enqueue("telegram", "1", live);
        outbox.enqueue("telegram", "2", TestDeals.auction("A2", 5, clock.instant().plus(Duration.ofMinutes(2))));
        notifier.script.add(alert -> Delivery.retryLater(null, "timeout"));

        assertEquals(1, drain(outbox), "chat 1's alert waits for a retry, chat 2's goes out");
        assertEquals(live, notifier.seen.get(0).deal(), "end and bid count survive the outbox");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, drain(outbox));
        assertEquals(List.of("1:A1", "2:A2", "1:A1"), notifier.listings());

        outbox.enqueue("telegram", "3", TestDeals.auction("A3", 5, clock.instant().plus(Duration.ofMinutes(1))));
        notifier.script.add(alert -> Delivery.retryLater(null, "network down"));
        drain(outbox);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, drain(outbox), "ended while it waited: not sent");
        assertEquals("the auction ended before delivery", text("SELECT last_error FROM alert_outbox WHERE listing_id = 'A3'"));
        assertEquals("failed", text("SELECT state FROM alert_outbox WHERE listing_id = 'A3'"));
    }

    @Test
    void restartWithPendingRowsSendsEachExactlyOnce() throws InterruptedException {
        AlertOutbox before = outbox();
        before.enqueue("telegram", "1", TestDeals.full("A", 1));
        before.enqueue("telegram", "1", TestDeals.full("B", 2)); // same chat: paced to a later drain
        before.enqueue("telegram", "2", TestDeals.full("C", 3));
        before.enqueue("telegram", "3", TestDeals.full("D", 4));
        assertEquals(3, drain(before));
        assertEquals(List.of("1:A", "2:C", "3:D"), notifier.listings());
        // The process dies here: B is still pending. A new process (new outbox, same file) takes over.
        clock.advance(Duration.ofSeconds(5));
        AlertOutbox after = outbox();
        after.enqueue("telegram", "1", TestDeals.full("A", 1)); // the poller sees A again after the restart
        assertEquals(1, drain(after));
        assertEquals(0, drain(after));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, drain(outbox()));
        assertEquals(List.of("1:A", "2:C", "3:D", "1:B"), notifier.listings());
        assertEquals(4, count("SELECT COUNT(*) FROM alert_outbox WHERE state = 'sent'"));
        assertEquals(notifier.seen.size(), notifier.seen.stream().map(Alert::id).distinct().count());
    }

    @Test
    void tooManyRequestsWaitsRetryAfterForEveryChatOfThatNotifier() throws InterruptedException {
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        outbox.enqueue("telegram", "2", TestDeals.full("B", 2));
        notifier.script.add(a -> Delivery.retryLater(Duration.ofSeconds(17), "Telegram rate limit (429)"));
        assertEquals(0, drain(outbox));
        assertEquals(List.of("1:A"), notifier.listings(), "B waits too: the bot is rate limited");
        clock.advance(Duration.ofSeconds(16));
        assertEquals(0, drain(outbox));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(2, drain(outbox));
        assertEquals(List.of("1:A", "1:A", "2:B"), notifier.listings());
        assertEquals(1, count("SELECT attempts FROM alert_outbox WHERE listing_id = 'A'"));
    }

    @Test
    void serverErrorsBackOffExponentiallyAndEndInFailure() throws InterruptedException {
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        for (int i = 0; i < AlertOutbox.MAX_ATTEMPTS; i++) {
            notifier.script.add(a -> Delivery.retryLater(null, "Telegram 502"));
        }
        assertEquals(0, drain(outbox));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, drain(outbox));
        assertEquals(1, notifier.seen.size());
        clock.advance(Duration.ofSeconds(2));
        drain(outbox);
        assertEquals(2, notifier.seen.size());
        clock.advance(Duration.ofSeconds(59));
        drain(outbox);
        assertEquals(2, notifier.seen.size(), "the second wait is 60 s");
        assertEquals(Duration.ofSeconds(60), AlertOutbox.backoff(2));
        assertEquals(Duration.ofHours(1), AlertOutbox.backoff(30));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofHours(1));
            drain(outbox);
        }
        assertEquals(AlertOutbox.MAX_ATTEMPTS, notifier.seen.size());
        assertEquals("failed", text("SELECT state FROM alert_outbox"));
    }

    @Test
    void aNotifierBugIsRetriedLikeNetworkTrouble() throws InterruptedException {
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        notifier.script.add(a -> {
            throw new IllegalStateException("bug");
        });
        assertEquals(0, drain(outbox));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, drain(outbox));
    }

    @Test
    void aBlockedBotDropsTheChatsAlertsAndPausesItsSearches() throws Exception {
        AlertOutbox outbox = outbox();
        exec("INSERT INTO saved_searches (chat_id, query, threshold, poll_interval_seconds, active, created_at) "
                + "VALUES ('1', 'blue note', 0.25, 900, TRUE, 0), ('2', 'coltrane', 0.25, 900, TRUE, 0)");
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        outbox.enqueue("telegram", "1", TestDeals.full("B", 2));
        outbox.enqueue("telegram", "2", TestDeals.full("C", 3));
        notifier.script.add(a -> Delivery.gone("Telegram 403: Forbidden: bot was blocked by the user"));
        assertEquals(1, drain(outbox));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, drain(outbox));
        assertEquals(List.of("1:A", "2:C"), notifier.listings());
        assertEquals(2, count("SELECT COUNT(*) FROM alert_outbox WHERE state = 'gone'"));
        assertEquals(0, count("SELECT active FROM saved_searches WHERE chat_id = '1'"));
        assertEquals(1, count("SELECT active FROM saved_searches WHERE chat_id = '2'"));
    }

    @Test
    void anAlertTheServiceRefusesIsMarkedFailedAndNotRetried() throws InterruptedException {
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        notifier.script.add(a -> {
            throw new PluginException.BadItem("Telegram refused the alert (400)");
        });
        drain(outbox);
        clock.advance(Duration.ofHours(2));
        assertEquals(0, drain(outbox));
        assertEquals("failed", text("SELECT state FROM alert_outbox"));
        assertTrue(text("SELECT last_error FROM alert_outbox").contains("400"));
    }

    @Test
    void sendsArePacedOverall() throws InterruptedException {
        AlertOutbox outbox = outbox();
        for (int chat = 1; chat <= 3; chat++) {
            outbox.enqueue("telegram", String.valueOf(chat), TestDeals.full("L" + chat, chat));
        }
        assertEquals(3, drain(outbox));
        assertEquals(List.of(AlertOutbox.OVERALL_GAP, AlertOutbox.OVERALL_GAP), slept);
    }

    @Test
    void alertsOfANotifierThatIsNotConfiguredWait() throws InterruptedException {
        AlertOutbox outbox = outbox();
        outbox.enqueue("matrix", "1", TestDeals.full("A", 1));
        assertEquals(0, drain(outbox));
        assertEquals("pending", text("SELECT state FROM alert_outbox"));
    }

    // ---- destinations added with /notify ----

    private final HookNotifier hook = new HookNotifier();
    private final List<ChatReply> told = new ArrayList<>();

    private Destination hook(String chat, String id) {
        return new DestinationStore(db).add(chat, "hook", hook.chatAddress("https://hooks.example/" + id + "/tok" + id + "abcdef"),
                clock.instant()).destination();
    }

    private AlertOutbox outboxTellingChats() {
        ChatNotices notices = new ChatNotices();
        notices.attach(List.of(new Stage<>("telegram", new ChatChannel() {
            @Override
            public void start(PluginContext context) {
            }

            @Override
            public void open(ChatHandler handler) {
            }

            @Override
            public boolean send(ChatReply message) {
                return told.add(message);
            }
        })));
        return new AlertOutbox(db, feedback, notices, clock, slept::add);
    }

    private int drainBoth(AlertOutbox outbox) throws InterruptedException {
        return outbox.drain(Map.of("telegram", notifier, "hook", hook));
    }

    @Test
    void anAlertIsWrittenOncePerChatListingAndDestinationAndEachIsDeliveredOnce() throws InterruptedException {
        Destination a = hook("1", "11");
        Destination b = hook("1", "22");
        hook("2", "33"); // another chat's destination gets nothing of chat 1
        AlertOutbox outbox = outbox();
        assertEquals(AlertOutbox.Enqueued.QUEUED, outbox.enqueue("telegram", "1", TestDeals.full("L1", 5)));
        assertEquals(AlertOutbox.Enqueued.ALREADY_QUEUED, outbox.enqueue("telegram", "1", TestDeals.full("L1", 5)));
        assertEquals(3, count("SELECT COUNT(*) FROM alert_outbox"));
        // One drain delivers all three: pacing is per destination, not per chat.
        assertEquals(3, drainBoth(outbox));
        assertEquals(List.of("1:L1"), notifier.listings());
        assertEquals(List.of("11/tok11abcdef:L1", "22/tok22abcdef:L1"), hook.listings());
        assertEquals(3, count("SELECT COUNT(DISTINCT id) FROM alert_outbox WHERE state = 'sent'"));
        assertEquals(1, feedback.alertsSentSince("1", clock.instant().minusSeconds(60)), "one deal, however many places");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, drainBoth(outbox));
        assertTrue(a.id() != b.id());
    }

    @Test
    void aDestinationAddedAfterAnAlertWasWrittenDoesNotGetThatAlert() throws InterruptedException {
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("L1", 5));
        hook("1", "11");
        assertEquals(AlertOutbox.Enqueued.ALREADY_QUEUED, outbox.enqueue("telegram", "1", TestDeals.full("L1", 5)));
        outbox.enqueue("telegram", "1", TestDeals.full("L2", 6));
        clock.advance(Duration.ofSeconds(2));
        drainBoth(outbox);
        clock.advance(Duration.ofSeconds(2));
        drainBoth(outbox);
        assertEquals(List.of("11/tok11abcdef:L2"), hook.listings());
        assertEquals(List.of("1:L1", "1:L2"), notifier.listings());
    }

    @Test
    void aCrashMidDrainLosesAndRepeatsNothingOnAnyDestination() throws InterruptedException {
        hook("1", "11");
        hook("1", "22");
        AlertOutbox before = outbox();
        before.enqueue("telegram", "1", TestDeals.full("A", 1));
        before.enqueue("telegram", "1", TestDeals.full("B", 2));
        // Destination 22 is down for the first alert; the rest of B waits for pacing.
        hook.script.add(x -> Delivery.delivered());
        hook.script.add(x -> Delivery.retryLater(null, "hooks 503"));
        assertEquals(2, drainBoth(before));
        // The process dies here. A new process (new outbox, same file) takes over; the poller sees A and B again.
        clock.advance(Duration.ofMinutes(1));
        AlertOutbox after = outbox();
        assertEquals(AlertOutbox.Enqueued.ALREADY_QUEUED, after.enqueue("telegram", "1", TestDeals.full("A", 1)));
        assertEquals(AlertOutbox.Enqueued.ALREADY_QUEUED, after.enqueue("telegram", "1", TestDeals.full("B", 2)));
        for (int i = 0; i < 5; i++) {
            drainBoth(after);
            clock.advance(Duration.ofSeconds(2));
        }
        assertEquals(List.of("1:A", "1:B"), notifier.listings());
        // 22 saw A twice: the attempt that failed before the crash, and its retry after it.
        assertEquals(List.of("11/tok11abcdef:A", "22/tok22abcdef:A", "22/tok22abcdef:A", "11/tok11abcdef:B",
                "22/tok22abcdef:B"), hook.listings());
        assertEquals(6, count("SELECT COUNT(*) FROM alert_outbox WHERE state = 'sent'"));
    }

    @Test
    void aWebhooksOwnRateLimitHoldsThatDestinationOnlyAndABotsHoldsTheNotifier() throws InterruptedException {
        hook("1", "11");
        hook("1", "22");
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        hook.script.add(x -> Delivery.retryRecipientLater(Duration.ofSeconds(30), "hooks 429 on this hook"));
        assertEquals(2, drainBoth(outbox), "the chat and hook 22 go on while hook 11 waits");
        outbox.enqueue("telegram", "1", TestDeals.full("B", 2));
        clock.advance(Duration.ofSeconds(5));
        drainBoth(outbox);
        assertEquals(List.of("11/tok11abcdef:A", "22/tok22abcdef:A", "22/tok22abcdef:B"), hook.listings());
        clock.advance(Duration.ofSeconds(30));
        drainBoth(outbox);
        clock.advance(Duration.ofSeconds(2));
        drainBoth(outbox);
        assertEquals(5, hook.listings().size(), hook.listings().toString());

        outbox.enqueue("telegram", "1", TestDeals.full("C", 3));
        hook.script.add(x -> Delivery.retryLater(Duration.ofSeconds(30), "hooks 429 for the whole account"));
        clock.advance(Duration.ofSeconds(2));
        drainBoth(outbox);
        assertEquals(6, hook.listings().size(), "the second hook waits too: " + hook.listings());
    }

    @Test
    void aGoneDestinationIsDisabledAndTheChatToldWhileItsSearchesAndOtherPlacesGoOn() throws Exception {
        exec("INSERT INTO saved_searches (chat_id, query, threshold, poll_interval_seconds, active, created_at) "
                + "VALUES ('1', 'blue note', 0.25, 900, TRUE, 0)");
        Destination gone = hook("1", "11");
        hook("1", "22");
        AlertOutbox outbox = outboxTellingChats();
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        outbox.enqueue("telegram", "1", TestDeals.full("B", 2));
        hook.script.add(x -> Delivery.gone("hooks: unknown hook (404)"));
        drainBoth(outbox);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(2));
            drainBoth(outbox);
        }
        assertEquals(List.of("11/tok11abcdef:A", "22/tok22abcdef:A", "22/tok22abcdef:B"), hook.listings());
        assertEquals(List.of("1:A", "1:B"), notifier.listings());
        assertEquals(1, count("SELECT active FROM saved_searches WHERE chat_id = '1'"), "the chat's searches go on");
        assertEquals("gone", text("SELECT state FROM chat_destinations WHERE id = " + gone.id()));
        assertEquals(2, count("SELECT COUNT(*) FROM alert_outbox WHERE destination_id = " + gone.id() + " AND state = 'gone'"),
                "the alert it refused and the one waiting for it");
        assertEquals(1, told.size(), told.toString());
        String notice = told.get(0).text();
        assertTrue(notice.contains("#" + gone.id()) && notice.contains("unknown hook (404)") && notice.contains("hooks …/11/****"),
                notice);
        assertTrue(!notice.contains("tok11abcdef"), "the notice shows the secret: " + notice);
        // A new alert goes to the chat and the working destination only.
        outbox.enqueue("telegram", "1", TestDeals.full("C", 3));
        clock.advance(Duration.ofSeconds(2));
        drainBoth(outbox);
        assertEquals("22/tok22abcdef:C", hook.listings().get(hook.listings().size() - 1));
        assertEquals(4, hook.listings().size());
    }

    @Test
    void aRemovedDestinationsWaitingAlertsAreDroppedNotSent() throws InterruptedException {
        Destination d = hook("1", "11");
        AlertOutbox outbox = outbox();
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        assertTrue(new DestinationStore(db).remove("1", d.id()).isPresent());
        assertEquals(1, drainBoth(outbox));
        assertEquals(List.of(), hook.listings());
        assertEquals("failed", text("SELECT state FROM alert_outbox WHERE destination_id = " + d.id()));
        assertTrue(new DestinationStore(db).remove("1", d.id()).isEmpty());
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private String text(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
