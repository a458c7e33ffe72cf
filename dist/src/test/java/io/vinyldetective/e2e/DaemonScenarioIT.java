package io.vinyldetective.e2e;

import static io.vinyldetective.e2e.Scenario.CAMPAIGN_ID;
import static io.vinyldetective.e2e.Scenario.CHAT;
import static io.vinyldetective.e2e.Scenario.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.e2e.FakeTelegram.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The installed distribution end to end: {@code bin/vinyl-detective run} as a process, configured
 * only through the environment, against loopback eBay, Discogs and Telegram fakes, driven through
 * the bot as a user would. The steps share one daemon (restarted once) and run in order; each
 * checks what a user would see: the messages the bot sends, and the daemon's log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DaemonScenarioIT {

    static final String POLL_INTERVAL = "3s";
    static final Duration POLL = Duration.ofSeconds(3);
    private static final Pattern POLL_LINE = Pattern.compile(" - Poll\\b");

    private Path install;
    private Path data;
    private Path log;
    private FakeEbay ebay;
    private FakeDiscogs discogs;
    private FakeTelegram telegram;
    private Daemon daemon;

    @BeforeAll
    void startTheWorld() throws Exception {
        install = Daemon.installation();
        Path work = Path.of(System.getProperty("vd.e2e.work", "target/e2e")).toAbsolutePath()
                .resolve("scenario-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        data = Files.createDirectories(work.resolve("data"));
        log = work.resolve("daemon.log");
        ebay = new FakeEbay(Scenario.EBAY_APP_ID, Scenario.EBAY_CERT_ID);
        ebay.add(Scenario.INITIAL.toArray(FakeEbay.Listing[]::new));
        discogs = Scenario.discogs();
        // Telegram holds an empty long poll for its full timeout (50 s from telegrambots): so does the fake,
        // so a daemon that cannot stop while a poll is held shows it.
        telegram = new FakeTelegram(Scenario.TELEGRAM_TOKEN, Duration.ofSeconds(50));
        System.out.println("DaemonScenarioIT: daemon log at " + log);
        startDaemon();
    }

    private void startDaemon() {
        daemon = Daemon.start(install, Scenario.environment(ebay, discogs, telegram, data, POLL_INTERVAL), log, "run");
        daemon.awaitLog("Ready in", Duration.ofSeconds(30));
        int before = telegram.calls("getUpdates").size();
        await("the bot to poll Telegram for updates", Duration.ofSeconds(15),
                () -> telegram.calls("getUpdates").size() > before);
    }

    @AfterAll
    void stopTheWorld() {
        if (daemon != null) {
            daemon.close();
        }
        for (LoopbackFake fake : new LoopbackFake[] {ebay, discogs, telegram}) {
            if (fake != null) {
                fake.close();
            }
        }
    }

    @Test
    @Order(1)
    void aStrangerIsRefusedWithItsChatIdAndNothingElseHappens() {
        Call refusal = say(STRANGER, "/start");
        assertTrue(refusal.text().contains(String.valueOf(STRANGER)), "the refusal tells the chat its id: " + refusal.text());
        assertFalse(refusal.text().contains("/add_search"), "a stranger got the help text: " + refusal.text());
        Call again = say(STRANGER, "/add_search jackie mclean format:vinyl");
        assertTrue(again.text().contains(String.valueOf(STRANGER)), again.text());
        Daemon.sleep(POLL.toMillis());
        assertEquals(2, telegram.replies(STRANGER).size(), "one answer per message: " + texts(telegram.replies(STRANGER)));
        assertEquals(List.of(), ebay.requests(), "a stranger's /add_search reached eBay");
        assertEquals(List.of(), telegram.alerts(STRANGER), "a stranger got an alert");
    }

    @Test
    @Order(2)
    void badCommandsAreAnsweredOnceEachAndASearchIsSavedAndListed() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/add_search", "Tell me what to look for");
        bad.put("/set_threshold abc", "'abc' is not a number");
        bad.put("/delete 999", "no search #999");
        bad.put("hello, are you there?", "I only understand commands");
        bad.put("/nope", "Unknown command /nope");
        bad.forEach((command, expected) -> {
            Call reply = say(CHAT, command);
            assertTrue(reply.text().contains(expected), command + " was answered: " + reply.text());
        });
        Daemon.sleep(1000);
        assertEquals(bad.size(), telegram.replies(CHAT).size(), "one answer per bad command: " + texts(telegram.replies(CHAT)));
        assertEquals(List.of(), ebay.searches(), "a bad command started a search");

        Call saved = say(CHAT, "/add_search " + Scenario.QUERY + " format:vinyl");
        assertTrue(saved.text().startsWith("Saved search #1"), saved.text());
        Call mine = say(CHAT, "/my_searches");
        assertTrue(mine.text().contains("#1 \"" + Scenario.QUERY + "\""), mine.text());
        assertTrue(mine.text().contains("Vinyl") && mine.text().contains("active"), mine.text());
    }

    @Test
    @Order(3)
    void oneAlertForTheUnderpricedListingWithTheAffiliateLinkAndNoneForTheOthers() {
        long savedAt = telegram.replies(CHAT).stream().filter(c -> c.text().startsWith("Saved search #1"))
                .findFirst().orElseThrow(() -> new AssertionError("step 2 saved no search")).nanos();
        Call alert = awaitAlert(Scenario.UNDERPRICED, Duration.ofSeconds(20));
        System.out.printf("DaemonScenarioIT: first alert %d ms after the search was saved%n",
                (alert.nanos() - savedAt) / 1_000_000);
        // More polls, so a late alert about another listing would show.
        awaitPolls(2);
        Daemon.sleep(2000);
        List<Call> alerts = telegram.alerts(CHAT);
        assertEquals(1, alerts.size(), "exactly one alert expected: " + texts(alerts));
        assertEquals("HTML", alert.param("parse_mode"), "the card is HTML");
        assertTrue(alert.buttonUrls().stream().anyMatch(u -> u.startsWith(Scenario.UNDERPRICED.webUrl())
                && u.contains("campid=" + CAMPAIGN_ID)), "the listing's button carries the affiliate link: "
                + alert.buttonUrls());
        for (FakeEbay.Listing other : List.of(Scenario.FAIR, Scenario.REISSUE_LISTING, Scenario.T_SHIRT,
                Scenario.UNKNOWN_SHIPPING)) {
            assertFalse(alert.text().contains(html(other.title())), "the alert is about " + other.title());
        }
        // The reissue stayed silent because it was priced as itself, not because it was skipped.
        assertTrue(discogs.priceRequests(Scenario.REISSUE) > 0, "the reissue was never priced as release "
                + Scenario.REISSUE + "; Discogs saw: " + paths(discogs));
        assertEquals(List.of(), telegram.sendsExcept(CHAT, STRANGER), "something went to a chat nobody allowed");
        assertTrue(daemon.log().lines().anyMatch(l -> POLL_LINE.matcher(l).find()),
                "no 'Poll' line in the journal:\n" + daemon.tail());
        String status = say(CHAT, "/status").text();
        assertTrue(status.contains("Last poll: 20") && status.contains("ebay: ") && status.contains("of 1000000 calls left"),
                "/status shows the last poll and the eBay budget: " + status);
    }

    @Test
    @Order(4)
    void afterSigkillAndRestartNothingIsSentAgainNotEvenForARelist() throws InterruptedException {
        int alertsBefore = telegram.alerts(CHAT).size();
        daemon.kill();
        startDaemon();
        ebay.add(Scenario.RELISTED);
        awaitPolls(3);
        Daemon.sleep(2000);
        assertEquals(alertsBefore, telegram.alerts(CHAT).size(), "sent again after the restart: "
                + texts(telegram.alerts(CHAT).subList(alertsBefore, telegram.alerts(CHAT).size())));
    }

    @Test
    @Order(5)
    void survivesEbayFailuresAndADiscogs429ThenAlertsTheNextDeal() {
        int alertsBefore = telegram.alerts(CHAT).size();
        // Two polls' worth of eBay 500s (the source tries each search twice), one Discogs 429.
        ebay.script(FakeEbay.SEARCH_PATH, FakeEbay.internalError(), FakeEbay.internalError(),
                FakeEbay.internalError(), FakeEbay.internalError());
        discogs.refuseNext(1, 2);
        ebay.add(Scenario.STEREO_DEAL);
        Call alert = awaitAlert(Scenario.STEREO_DEAL, Duration.ofSeconds(45));
        assertEquals(0, ebay.scriptedPending(), "the daemon stopped asking eBay after its 500s");
        assertEquals(1, discogs.refused(), "Discogs' 429 was never met");
        assertTrue(daemon.alive(), "the daemon died:\n" + daemon.tail());
        assertTrue(alert.buttonUrls().stream().anyMatch(u -> u.contains("campid=" + CAMPAIGN_ID)), alert.buttonUrls().toString());
        Daemon.sleep(2000);
        assertEquals(alertsBefore + 1, telegram.alerts(CHAT).size(), "one new alert expected: "
                + texts(telegram.alerts(CHAT)));
    }

    @Test
    @Order(6)
    void aPausedSearchAlertsNothingUntilResumedThenAtOnce() {
        Call paused = say(CHAT, "/pause");
        assertTrue(paused.text().startsWith("Paused"), paused.text());
        int alertsBefore = telegram.alerts(CHAT).size();
        ebay.add(Scenario.PAUSED_DEAL);
        Daemon.sleep(POLL.multipliedBy(3).plusSeconds(1).toMillis());
        assertEquals(alertsBefore, telegram.alerts(CHAT).size(), "an alert came while the search was paused: "
                + texts(telegram.alerts(CHAT)));
        Call resumed = say(CHAT, "/resume");
        assertTrue(resumed.text().startsWith("Resumed"), resumed.text());
        Call alert = awaitAlert(Scenario.PAUSED_DEAL, Duration.ofSeconds(20));
        long afterResume = (alert.nanos() - resumed.nanos()) / 1_000_000;
        System.out.printf("DaemonScenarioIT: alert %d ms after /resume%n", afterResume);
        assertTrue(afterResume < POLL.toMillis() + 5000, "the resumed search was not polled at once: the alert came "
                + afterResume + " ms after /resume");
    }

    @Test
    @Order(7)
    void aListingEbayIndexedLateBelowSeenOnesIsStillAlerted() {
        ebay.addLate(Scenario.LATE_DEAL, Duration.ofMinutes(10));
        Call alert = awaitAlert(Scenario.LATE_DEAL, Duration.ofSeconds(20));
        assertTrue(alert.text().contains(html(Scenario.LATE_DEAL.title())), alert.text());
    }

    @Test
    @Order(8)
    void aWantlistIsReadItsWantsShareOneQueryAndAWantedCopyAtItsValueIsAlerted() {
        discogs.wantlist("collector", Scenario.ORIGINAL_STEREO, Scenario.PERSUADER).privateWantlist("hidden");
        Call reading = say(CHAT, "/wantlist collector");
        assertTrue(reading.text().startsWith("Reading the Discogs wantlist of collector"), reading.text());
        Call read = awaitReply("Wantlist of collector: 2 wants (2 new, 0 gone)", Duration.ofSeconds(20));
        assertTrue(read.text().contains("/wants lists them"), read.text());

        ebay.add(Scenario.WANTED_STEREO);
        Call alert = awaitAlert(Scenario.WANTED_STEREO, Duration.ofSeconds(40));
        assertTrue(alert.text().contains("on your Discogs wantlist"), alert.text());
        assertTrue(ebay.searches().stream().anyMatch(r -> "(jackie mclean, persuader)".equals(r.query().get("q"))),
                "the two wants shared one OR query: " + ebay.searches().stream().map(r -> r.query().get("q")).distinct().toList());
        assertTrue(discogs.requests(r -> r.path().equals("/masters/147242/versions")).size() == 1,
                "the master's pressings were read once");
        String wants = say(CHAT, "/wants").text();
        assertTrue(wants.contains("Jackie McLean – Swing Swang Swingin' (Vinyl, 1960, BST 84024)")
                && wants.contains("The Persuader – Stockholm"), wants);

        discogs.wantlist("collector", Scenario.ORIGINAL_STEREO);
        say(CHAT, "/wantlist collector");
        awaitReply("Wantlist of collector: 1 want (0 new, 1 gone)", Duration.ofSeconds(20));
        say(CHAT, "/wantlist hidden");
        awaitReply("The Discogs wantlist of hidden is private", Duration.ofSeconds(20));
        say(CHAT, "/wantlist nobody-here");
        awaitReply("Discogs has no user nobody-here.", Duration.ofSeconds(20));
        assertTrue(daemon.alive(), daemon.tail());
    }

    @Test
    @Order(9)
    void anAuctionEndingSoonIsAlertedOnceAtItsCurrentBidWithTheTimeLeft() {
        Call saved = say(CHAT, "/add_search " + Scenario.QUERY + " format:vinyl auctions:on");
        assertTrue(saved.text().contains("auctions too"), saved.text());
        ebay.addAuction(Scenario.AUCTION, new FakeEbay.Auction(Instant.now().plus(Duration.ofMinutes(20)), "35.00", 5));
        Call alert = awaitAlert(Scenario.AUCTION, Duration.ofSeconds(20));
        assertTrue(alert.text().matches("(?s).*Auction: current bid 35\\.00 USD \\(5 bids\\) · ends in (19|20) min \\(.*"),
                alert.text());
        assertTrue(ebay.searches().stream().anyMatch(r -> "endingSoonest".equals(r.query().get("sort"))
                && String.valueOf(r.query().get("filter")).startsWith("buyingOptions:{AUCTION}")), "no ending-soon search");
        assertTrue(ebay.searches().stream().noneMatch(r -> "newlyListed".equals(r.query().get("sort"))
                && String.valueOf(r.query().get("filter")).contains("AUCTION")), "new listings are fixed-price only");
        // Later looks at the same auction (the eBay host's pace in this test decides how many fit) alert nothing more.
        Daemon.sleep(POLL.multipliedBy(3).toMillis());
        assertEquals(1, telegram.alerts(CHAT).stream().filter(c -> c.text().contains(html(Scenario.AUCTION.title()))).count(),
                "the auction was alerted once");
    }

    @Test
    @Order(10)
    void noSecretInAnyTelegramCallOrLogLineAndTheTokenOnlyInTheUrlPath() {
        List<Call> calls = telegram.calls();
        assertTrue(calls.size() > 10, "too few Bot API calls to judge: " + calls.size());
        for (Call call : calls) {
            assertEquals(Scenario.TELEGRAM_TOKEN, call.token(), call.method() + " was sent with another token");
            for (String secret : Scenario.secrets()) {
                String what = call.method() + " carries a secret";
                assertFalse(call.body().contains(secret), what + " in its body");
                assertFalse(String.valueOf(call.rawQuery()).contains(secret), what + " in its query string");
                assertFalse(call.headers().toString().contains(secret), what + " in a header");
            }
        }
        String journal = daemon.log();
        assertTrue(journal.contains("Ready in"), "the log is empty");
        for (String secret : Scenario.secrets()) {
            assertFalse(journal.contains(secret), "a secret is in the daemon's log: ..."
                    + secret.substring(secret.length() - 4) + " (see " + log + ")");
        }
        for (LoopbackFake.Request r : discogs.requests()) {
            assertFalse(String.valueOf(r.rawQuery()).contains(Scenario.DISCOGS_TOKEN), "the Discogs token in a URL");
        }
        for (LoopbackFake.Request r : ebay.requests(r -> !r.path().equals(FakeEbay.TOKEN_PATH))) {
            for (String secret : Scenario.secrets()) {
                assertFalse((r.rawQuery() + r.headers() + r.bodyText()).contains(secret),
                        "an eBay Browse call carries a secret: " + r.path());
            }
        }
    }

    @Test
    @Order(11)
    void sigtermExitsZeroWithinTenSeconds() throws InterruptedException {
        assertTrue(daemon.alive(), "the daemon is not running:\n" + daemon.tail());
        long start = System.nanoTime();
        Optional<Integer> code = daemon.terminate(Duration.ofSeconds(10));
        assertTrue(code.isPresent(), "still running 10 s after SIGTERM:\n" + daemon.tail());
        System.out.printf("DaemonScenarioIT: SIGTERM to exit %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(0, code.get(), "exit code after SIGTERM; log:\n" + daemon.tail());
    }

    // ---- helpers ----

    /** Sends a message from a chat and returns the bot's one answer to it. */
    private Call say(long chat, String text) {
        int before = telegram.replies(chat).size();
        telegram.userSays(chat, text);
        await("an answer to '" + text + "'", Duration.ofSeconds(10), () -> telegram.replies(chat).size() > before);
        return telegram.replies(chat).get(before);
    }

    /** Waits for a plain message to the allowed chat (a reply or a notice) that starts with {@code start}. */
    private Call awaitReply(String start, Duration limit) {
        Supplier<Optional<Call>> find = () -> telegram.replies(CHAT).stream().filter(c -> c.text().startsWith(start))
                .findFirst();
        await("a message '" + start + "…'", limit, () -> find.get().isPresent());
        return find.get().orElseThrow();
    }

    /** Waits for the deal card about a listing in the allowed chat. */
    private Call awaitAlert(FakeEbay.Listing listing, Duration limit) {
        Supplier<Optional<Call>> find = () -> telegram.alerts(CHAT).stream()
                .filter(c -> c.text().contains(html(listing.title()))).findFirst();
        await("an alert about '" + listing.title() + "'", limit, () -> find.get().isPresent());
        return find.get().orElseThrow();
    }

    /** Waits until eBay has been searched {@code polls} more times. */
    private void awaitPolls(int polls) {
        int target = ebay.searches().size() + polls;
        await(polls + " more eBay searches (polls every " + POLL_INTERVAL + ")", POLL.multipliedBy(polls + 3),
                () -> ebay.searches().size() >= target);
    }

    private void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "; eBay was searched "
                        + ebay.searches().size() + " times, Discogs asked " + discogs.requests().size()
                        + " times; alerts so far: " + texts(telegram.alerts(CHAT)) + "\ndaemon log (" + log + "):\n"
                        + daemon.tail());
            }
            Daemon.sleep(50);
        }
    }

    /** A title as the HTML card shows it. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<String> texts(List<Call> calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.method() + ": " + c.text()));
        return out;
    }

    private static List<String> paths(FakeDiscogs fake) {
        return fake.requests().stream().map(r -> r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery())).toList();
    }
}
