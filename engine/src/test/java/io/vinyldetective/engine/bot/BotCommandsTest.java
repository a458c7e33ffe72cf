package io.vinyldetective.engine.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.engine.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.AlertButtons;
import io.vinyldetective.api.ChatButton;
import io.vinyldetective.api.ChatMessage;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's happy path and each bad input, against the real repository on SQLite. */
class BotCommandsTest {

    private static final String ME = "1111111";
    private static final String OTHER = "2222222";

    @TempDir
    Path dir;
    private ApplicationContext context;
    private SavedSearchRepository repo;
    private ChatFeedback feedback;
    private MutableClock clock;
    private final List<SavedSearch> triggered = new ArrayList<>();
    private BotCommands bot;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        repo = context.getBean(SavedSearchRepository.class);
        feedback = context.getBean(ChatFeedback.class);
        clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
        bot = bot(BotSettings.allowing(ME + ", " + OTHER));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private BotCommands bot(BotSettings settings) {
        return new BotCommands(repo, feedback, settings, clock, triggered::add, null, null);
    }

    private String say(String chat, String text) {
        List<ChatReply> replies = bot.onMessage(new ChatMessage(chat, text));
        assertEquals(1, replies.size(), "one reply to " + text);
        assertEquals(chat, replies.get(0).chatId());
        return replies.get(0).text();
    }

    private String say(String text) {
        clock.advance(Duration.ofSeconds(4)); // stay under the command rate limit
        return say(ME, text);
    }

    private List<SavedSearch> mine() {
        return repo.findByChatIdOrderById(ME);
    }

    @Test
    void startAndHelpExplainEveryCommand() {
        for (String text : List.of("/start", "/help", "/help@VinylDetectiveBot")) {
            String answer = say(text);
            for (var c : bot.commands()) {
                assertTrue(answer.contains("/" + c.name()) || c.name().equals("start"), c.name() + " in " + text);
            }
        }
        assertEquals(9, bot.commands().size());
    }

    @Test
    void addSearchSavesWithFormatAndMaxAndPollsAtOnce() {
        String answer = say("/add_search blue note format:vinyl max:80");
        SavedSearch s = mine().get(0);
        assertEquals("blue note", s.query());
        assertEquals("VINYL", s.format());
        assertEquals(0, new BigDecimal("80").compareTo(s.maxPrice()));
        assertEquals("EUR", s.currency());
        assertEquals(0.25, s.threshold());
        assertEquals(900, s.pollIntervalSeconds());
        assertTrue(s.active());
        assertEquals(List.of(s.id()), triggered.stream().map(SavedSearch::id).toList());
        assertTrue(answer.startsWith("Saved search #" + s.id() + " \"blue note\" · Vinyl · max 80 EUR"), answer);
    }

    @Test
    void addSearchWithAuctionsOnSaysSoAndAWrongValueIsExplained() {
        String answer = say("/add_search blue note auctions:on");
        SavedSearch s = mine().get(0);
        assertTrue(s.includeAuctions());
        assertEquals("blue note", s.query());
        assertTrue(answer.contains(" · auctions too · "), answer);
        assertTrue(say("/add_search coltrane auctions:maybe").startsWith("'auctions:maybe' is not an option: write auctions:on"));
        assertEquals(1, mine().size());
        assertFalse(mine().get(0).alertWithoutShipping());
    }

    @Test
    void addSearchWithoutOptions() {
        say("/add_search Miles Davis <Kind of Blue> & more");
        SavedSearch s = mine().get(0);
        assertEquals("Miles Davis <Kind of Blue> & more", s.query());
        assertEquals(null, s.format());
        assertEquals(null, s.maxPrice());
    }

    @Test
    void addSearchBadInputsChangeNothing() {
        assertTrue(say("/add_search").startsWith("Tell me what to look for"));
        assertTrue(say("/add_search    ").startsWith("Tell me what to look for"));
        assertTrue(say("/add_search format:vinyl max:80").startsWith("Tell me what to look for"));
        assertEquals("That search is 201 characters long; the limit is 200.", say("/add_search " + "x".repeat(201)));
        assertTrue(say("/add_search blue note format:laserdisc").startsWith("Unknown format 'laserdisc'"));
        assertTrue(say("/add_search blue note max:cheap").startsWith("'max:cheap' is not a price"));
        assertTrue(say("/add_search blue note max:-5").startsWith("'max:-5' is not a price"));
        assertTrue(say("/add_search blue note max:0").startsWith("'max:0' is not a price"));
        assertEquals(List.of(), mine());
        assertEquals(List.of(), triggered);
        say("/add_search " + "x".repeat(200));
        assertEquals(1, mine().size());
    }

    @Test
    void mySearchesListsNumberThresholdIntervalAndState() {
        assertEquals("You have no saved searches. Add one with /add_search <query>.", say("/my_searches"));
        say("/add_search blue note format:vinyl max:80");
        say("/add_search coltrane");
        List<SavedSearch> s = mine();
        say("/pause " + s.get(1).id());
        assertEquals("Your searches:\n"
                + "#" + s.get(0).id() + " \"blue note\" · Vinyl · max 80 EUR · threshold 25 % · every 15 min · active\n"
                + "#" + s.get(1).id() + " \"coltrane\" · threshold 25 % · every 15 min · paused", say("/my_searches"));
        assertEquals("You have no saved searches. Add one with /add_search <query>.", say(OTHER, "/my_searches"));
    }

    @Test
    void setThresholdForOneOrAll() {
        say("/add_search blue note");
        say("/add_search coltrane");
        long first = mine().get(0).id();
        long second = mine().get(1).id();
        assertEquals("Threshold 40 % below the reference price for search #" + second + ".", say("/set_threshold 0.4 " + second));
        assertEquals(List.of(0.25, 0.4), mine().stream().map(SavedSearch::threshold).toList());
        assertEquals("Threshold 30 % below the reference price for your 2 searches.", say("/set_threshold 30%"));
        assertEquals(List.of(0.3, 0.3), mine().stream().map(SavedSearch::threshold).toList());
        say("/set_threshold 0.05 #" + first);
        say("/set_threshold 0.95 " + second);
        assertEquals(List.of(0.05, 0.95), mine().stream().map(SavedSearch::threshold).toList());
    }

    @Test
    void setThresholdBadInputsChangeNothing() {
        say("/add_search blue note");
        long id = mine().get(0).id();
        assertTrue(say("/set_threshold").startsWith("Write it like /set_threshold 0.3"));
        assertTrue(say("/set_threshold abc").startsWith("'abc' is not a number"));
        assertTrue(say("/set_threshold 0.3x").startsWith("'0.3x' is not a number"));
        assertTrue(say("/set_threshold NaN").startsWith("'NaN' is not a number"));
        assertTrue(say("/set_threshold 0.04").startsWith("0.04 is out of range"));
        assertTrue(say("/set_threshold 0.96").startsWith("0.96 is out of range"));
        assertTrue(say("/set_threshold 1").startsWith("1 is out of range"));
        assertEquals("You have no search #999999; /my_searches lists yours.", say("/set_threshold 0.3 999999"));
        assertTrue(say("/set_threshold 0.3 one").startsWith("'one' is not a search number"));
        assertTrue(say("/set_threshold 0.3 1 2").startsWith("Write it like"));
        assertEquals(0.25, repo.findById(id).orElseThrow().threshold());
    }

    @Test
    void pauseAndResumeOneOrAll() {
        say("/add_search blue note");
        say("/add_search coltrane");
        long first = mine().get(0).id();
        assertEquals("Paused search #" + first + ".", say("/pause " + first));
        assertEquals(List.of(false, true), mine().stream().map(SavedSearch::active).toList());
        assertEquals("Paused your 2 searches.", say("/pause"));
        assertEquals(List.of(false, false), mine().stream().map(SavedSearch::active).toList());
        assertEquals("Resumed search #" + first + ".", say("/resume #" + first));
        assertEquals(List.of(true, false), mine().stream().map(SavedSearch::active).toList());
        assertEquals("Resumed your 2 searches.", say("/resume"));
        assertEquals(List.of(true, true), mine().stream().map(SavedSearch::active).toList());
        assertEquals(List.of(first, mine().get(1).id(), first, mine().get(1).id()), triggered.stream().map(SavedSearch::id).toList(),
                "added: 1, 2; resumed: 1, then only 2 (1 was active already)");
    }

    @Test
    void pauseResumeBadInputs() {
        assertEquals("You have no saved searches. Add one with /add_search <query>.", say("/pause"));
        say("/add_search blue note");
        assertEquals("You have no search #424242; /my_searches lists yours.", say("/pause 424242"));
        assertTrue(say("/resume 1 2").startsWith("Write /resume for all"));
        assertTrue(mine().get(0).active());
    }

    @Test
    void deleteOneSearch() {
        say("/add_search blue note");
        say("/add_search coltrane");
        long first = mine().get(0).id();
        assertEquals("Deleted search #" + first + " (blue note).", say("/delete " + first));
        assertEquals(List.of("coltrane"), mine().stream().map(SavedSearch::query).toList());
    }

    @Test
    void deleteBadInputs() {
        say("/add_search blue note");
        assertTrue(say("/delete").startsWith("Which search?"));
        assertTrue(say("/delete first").startsWith("'first' is not a search number"));
        assertEquals("You have no search #31337; /my_searches lists yours.", say("/delete 31337"));
        assertEquals(1, mine().size());
    }

    @Test
    void anotherChatsSearchNumberIsAnsweredLikeAMissingOneAndLeftAlone() {
        clock.advance(Duration.ofSeconds(5));
        say(OTHER, "/add_search their search");
        SavedSearch theirs = repo.findByChatIdOrderById(OTHER).get(0);
        long id = theirs.id();
        assertEquals("You have no search #" + id + "; /my_searches lists yours.", say("/delete " + id));
        assertEquals("You have no search #" + id + "; /my_searches lists yours.", say("/pause " + id));
        assertEquals("You have no search #" + id + "; /my_searches lists yours.", say("/set_threshold 0.5 " + id));
        assertEquals(theirs, repo.findById(id).orElseThrow());
    }

    @Test
    void statusShowsLastPollBudgetAndAlertsToday() throws SQLException {
        assertEquals("Searches: 0 (0 active, 0 paused)\nLast poll: not yet\n"
                + "API budget left: not reported (the poller is not running or no source has a budget)\nAlerts sent today: 0",
                say("/status"));
        bot = new BotCommands(repo, feedback, BotSettings.allowing(ME), clock, triggered::add, new PollStatus() {
            @Override
            public List<String> budgetLines() {
                return List.of("ebay: 4800 of 5000 calls left today (resets 08:00 UTC)");
            }

            @Override
            public Optional<String> slowdown() {
                return Optional.of("Polling is 1.5x slower than your intervals.");
            }
        }, null);
        say("/add_search blue note");
        say("/add_search coltrane");
        say("/pause " + mine().get(1).id());
        repo.updateLastPolledAt(mine().get(0).id(), Instant.parse("2026-11-25T11:58:00Z"));
        repo.updateLastPolledAt(mine().get(1).id(), Instant.parse("2026-11-25T09:00:00Z"));
        logAlert(ME, "L1", Instant.parse("2026-11-25T08:00:00Z"));
        logAlert(ME, "L2", Instant.parse("2026-11-24T23:00:00Z")); // yesterday
        logAlert(OTHER, "L3", Instant.parse("2026-11-25T08:00:00Z"));
        assertEquals("Searches: 2 (1 active, 1 paused)\nLast poll: 2026-11-25 11:58 UTC\n"
                + "API budget left:\n  ebay: 4800 of 5000 calls left today (resets 08:00 UTC)\n"
                + "Polling is 1.5x slower than your intervals.\nAlerts sent today: 1", say("/status"));
    }

    private void logAlert(String chat, String listing, Instant at) throws SQLException {
        try (Connection c = context.getBean(EngineDatabase.class).dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO alert_outbox (notifier, chat_id, listing_id, release_id, deal_score, payload, state, "
                    + "next_attempt_at, created_at, sent_at) VALUES ('telegram', '" + chat + "', '" + listing
                    + "', 1, 0.4, '{}', 'sent', 0, 0, " + at.toEpochMilli() + ")");
            s.executeUpdate("INSERT INTO alert_outbox (notifier, chat_id, listing_id, release_id, deal_score, payload, state, "
                    + "next_attempt_at, created_at) VALUES ('telegram', '" + chat + "', 'pending-" + listing
                    + "', 1, 0.4, '{}', 'pending', 0, 0)"); // not sent yet: not counted
        }
    }

    @Test
    void unknownCommandAndPlainTextGetOneAnswer() {
        assertEquals("Unknown command /frobnicate. Send /help for the list.", say("/frobnicate now"));
        assertEquals("I only understand commands. Send /help for the list.", say("hello there"));
        assertEquals("I only understand commands. Send /help for the list.", say(""));
        assertEquals("I only understand commands. Send /help for the list.", say("/"));
        assertEquals(List.of(), mine());
    }

    @Test
    void unknownChatIsToldItsIdAndNothingElseHappens() {
        List<ChatReply> replies = bot.onMessage(new ChatMessage("-100777", "/add_search blue note"));
        assertEquals(List.of(new ChatReply("-100777", "Sorry, this bot is private. Your chat id is -100777. "
                + "Ask the bot's owner to add it to the allowed chats.")), replies);
        assertEquals(List.of(), repo.findByChatIdOrderById("-100777"));
        assertEquals(List.of(), triggered);
        assertTrue(bot.onButton(new ChatButton("-100777", AlertButtons.mute(5))).get(0).text().startsWith("Sorry, this bot is private."));
        assertFalse(feedback.isMuted("-100777", 5));
    }

    @Test
    void emptyAllowlistRefusesEveryone() {
        bot = bot(BotSettings.allowing(""));
        assertTrue(say(ME, "/help").startsWith("Sorry, this bot is private. Your chat id is " + ME));
    }

    @Test
    void openModeServesAnyChatWithinItsSearchLimit() {
        bot = bot(new BotSettings("*", 2, 100, 0.25, Duration.ofMinutes(10), "USD"));
        String stranger = "555";
        say(stranger, "/add_search one max:10");
        say(stranger, "/add_search two");
        assertEquals("You have 2 searches, the most a chat may have. Delete one with /delete <search#> first.",
                say(stranger, "/add_search three"));
        assertEquals(List.of("one", "two"), repo.findByChatIdOrderById(stranger).stream().map(SavedSearch::query).toList());
        assertEquals("USD", repo.findByChatIdOrderById(stranger).get(0).currency());
        assertEquals(600, repo.findByChatIdOrderById(stranger).get(0).pollIntervalSeconds());
        say("666", "/add_search someone else"); // the limit is per chat
        assertEquals(1, repo.findByChatIdOrderById("666").size());
    }

    @Test
    void aFloodIsAnsweredOnceThenIgnoredUntilTheMinuteIsOver() {
        bot = bot(new BotSettings("*", 10, 3, 0.25, Duration.ofMinutes(10), "EUR"));
        say(ME, "/help");
        say(ME, "/help");
        say(ME, "/help");
        assertEquals("Too many commands: at most 3 a minute. Wait a minute, then try again.", say(ME, "/add_search flood"));
        assertEquals(List.of(), bot.onMessage(new ChatMessage(ME, "/add_search flood")));
        assertEquals(List.of(), mine());
        assertTrue(say(OTHER, "/help").contains("/add_search")); // other chats are not affected
        clock.advance(Duration.ofSeconds(61));
        assertTrue(say(ME, "/add_search calm").startsWith("Saved search"));
    }

    @Test
    void buttonsMuteAndReportWrongMatchesDurably() {
        List<ChatReply> muted = bot.onButton(new ChatButton(ME, AlertButtons.mute(249504)));
        assertEquals("Muted: you will get no more alerts for this release.", muted.get(0).text());
        assertTrue(feedback.isMuted(ME, 249504));
        assertFalse(feedback.isMuted(OTHER, 249504));
        bot.onButton(new ChatButton(ME, AlertButtons.mute(249504))); // twice is fine

        String data = AlertButtons.wrongMatch(249504, "v1|1234|0").orElseThrow();
        assertEquals("Thanks: this listing will not be matched to that release again.",
                bot.onButton(new ChatButton(ME, data)).get(0).text());
        assertTrue(feedback.isWrongMatch("v1|1234|0", 249504));
        assertFalse(feedback.isWrongMatch("v1|1234|0", 1));

        assertEquals("That button is no longer valid.", bot.onButton(new ChatButton(ME, "bogus")).get(0).text());
    }

    @Test
    void repliesAreSingleMessagesForEveryCommand() {
        say("/add_search blue note");
        for (String c : bot.commands().stream().map(cmd -> "/" + cmd.name()).collect(Collectors.toList())) {
            say(c); // asserts exactly one reply
        }
    }
}
