package io.vinyldetective.engine.wants;

import static io.vinyldetective.engine.wants.Wantlists.wanted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.ChatMessage;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.bot.BotCommands;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.bot.ChatNotices;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wantlist commands through the bot: happy paths and each bad input, on SQLite. */
class WantCommandsTest {

    private static final String ME = "1111111";
    private static final String STRANGER = "3333333";

    @TempDir
    Path dir;
    private ApplicationContext context;
    private WantStore store;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final List<String> changes = new ArrayList<>();
    private BotCommands bot;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        store = context.getBean(WantStore.class);
        bot = bot("owner-user");
    }

    private BotCommands bot(String ownerUsername) {
        WantSettings settings = new WantSettings(Duration.ofHours(1), Duration.ofDays(1), Duration.ofMinutes(15),
                ownerUsername, 2000, Duration.ofDays(30));
        BotSettings allowed = BotSettings.allowing(ME + ",2222222");
        WantlistSync sync = new WantlistSync(store, context.getBean(CatalogStore.class), new ChatNotices(), settings, clock);
        WantCommands wants = new WantCommands(store, sync, settings, allowed, clock);
        return new BotCommands(context.getBean(SavedSearchRepository.class), context.getBean(ChatFeedback.class), allowed,
                clock, new io.vinyldetective.engine.bot.SearchTrigger() {
                    @Override
                    public void pollSoon(io.vinyldetective.engine.storage.SavedSearch search) {
                    }

                    @Override
                    public void watchesChanged() {
                        changes.add("changed");
                    }
                }, null, wants);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private String say(String chat, String text) {
        List<ChatReply> replies = bot.onMessage(new ChatMessage(chat, text));
        assertEquals(1, replies.size(), text);
        return replies.get(0).text();
    }

    private void wantlistOf(int count) {
        List<Release> wants = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            wants.add(wanted(i, "Artist " + i, "Title " + i, "CAT " + i, MediaFormat.VINYL, null));
        }
        store.applySync(ME, wants, clock.instant(), clock.instant().plus(Duration.ofDays(1)));
    }

    @Test
    void followingAWantlistIsAnsweredAtOnceAndReadInTheBackground() {
        assertEquals("Reading the Discogs wantlist of rodneyfool; I will tell you here when it is done. New wants take"
                + " any pressing of their album.", say(ME, "/wantlist rodneyfool pressings:any"));
        WantlistLink link = store.wantlist(ME).orElseThrow();
        assertEquals("rodneyfool", link.username());
        assertTrue(link.pressingsAny());
        assertEquals(clock.instant(), link.nextSyncAt(), "due at once");

        assertTrue(say(ME, "/wantlist someone").contains("(instead of rodneyfool's)"));
    }

    @Test
    void badWantlistCommandsAreAnsweredAndChangeNothing() {
        assertTrue(say("2222222", "/wantlist").startsWith("Tell me whose wantlist to watch"), "not the owner's chat");
        assertTrue(say(ME, "/wantlist a b").startsWith("One Discogs username, please"));
        assertTrue(say(ME, "/wantlist rodney pressings:some").contains("is not an option"));
        assertTrue(say(ME, "/wantlist ../../etc").contains("cannot be a Discogs username"));
        assertEquals("You follow no wantlist.", say(ME, "/wantlist off"));
        assertTrue(store.wantlist("2222222").isEmpty() && store.wantlist(ME).isEmpty());
        assertTrue(say(STRANGER, "/wantlist rodneyfool").contains("this bot is private"));
        assertTrue(store.wantlist(STRANGER).isEmpty());
    }

    @Test
    void theOwnersChatFollowsDiscogsUsernameWithoutAName() {
        assertTrue(say(ME, "/wantlist").startsWith("Reading the Discogs wantlist of owner-user"));
        wantlistOf(3);
        String status = say(ME, "/wantlist");
        assertTrue(status.startsWith("You follow the Discogs wantlist of owner-user: 3 wants (3 watched, 0 paused)."), status);
        assertTrue(status.contains("Searched on eBay every 1 h"), status);
        assertTrue(say(ME, "/status").contains("\nWantlist: owner-user, 3 wants watched (last read 2026-12-01 12:00 UTC)\n"),
                say(ME, "/status"));
    }

    @Test
    void wantsAreListedInPagesAndOneIsShownAndSet() {
        store.link(ME, "rodneyfool", false, clock.instant());
        wantlistOf(30);
        String first = say(ME, "/wants");
        assertTrue(first.startsWith("Your wants (page 1 of 2):\n#1 Artist 1 – Title 1 (Vinyl, 1960, CAT 1) · at or under"
                + " its Discogs price · being looked up on Discogs\n"), first);
        assertTrue(first.endsWith("/wants 2 for more."), first);
        assertEquals(5, say(ME, "/wants 2").split("\n").length - 1);
        assertTrue(say(ME, "/wants 3").startsWith("There are 2 pages"));

        assertEquals("Want #2 Artist 2 – Title 2 (Vinyl, 1960, CAT 2) · any pressing · max 40 EUR · VG+ or better",
                say(ME, "/want 2 max:40 grade:vg+ pressings:any"));
        Want two = store.want(ME, 2).orElseThrow();
        assertEquals(0, new BigDecimal("40").compareTo(two.maxPrice()));
        assertEquals(Grade.VERY_GOOD_PLUS, two.minGrade());
        assertTrue(two.pressingsAny());
        assertEquals(List.of("changed"), changes, "pressings changed: the batches are planned again");

        assertTrue(say(ME, "/want 2 pause").endsWith("· paused"));
        assertFalse(store.want(ME, 2).orElseThrow().active());
        assertTrue(say(ME, "/want 2").contains("Release: https://www.discogs.com/release/2"));
        assertEquals("Want #2 Artist 2 – Title 2 (Vinyl, 1960, CAT 2) · at or under its Discogs price · paused",
                say(ME, "/want #2 max:off grade:any pressings:exact"));
    }

    @Test
    void auctionsAreTurnedOnForOneWantOrTheWholeWantlistAndNewWantsFollowTheList() {
        assertEquals("You follow no wantlist: /wantlist <Discogs username> first.", say(ME, "/wantlist auctions:on"));
        store.link(ME, "rodneyfool", false, clock.instant());
        wantlistOf(3);
        assertTrue(say(ME, "/want 1 auctions:on").endsWith("· auctions too"));
        assertTrue(store.want(ME, 1).orElseThrow().auctions());
        assertFalse(store.want(ME, 2).orElseThrow().auctions());
        assertEquals(List.of("changed"), changes);

        assertTrue(say(ME, "/wantlist auctions:on").startsWith("Auctions of your wants are alerted too"));
        assertTrue(store.wants(ME).stream().allMatch(Want::auctions));
        wantlistOf(4);
        assertTrue(store.want(ME, 4).orElseThrow().auctions(), "a new want starts with the list's choice");
        assertTrue(say(ME, "/want 1 auctions:sometimes").startsWith("Write auctions:on"));
        assertTrue(say(ME, "/wantlist auctions:off").startsWith("Auctions of your wants are no longer alerted"));
        assertTrue(store.wants(ME).stream().noneMatch(Want::auctions));
    }

    @Test
    void badWantCommandsAreAnsweredAndChangeNothing() {
        store.link(ME, "rodneyfool", false, clock.instant());
        wantlistOf(2);
        assertTrue(say(ME, "/want").startsWith("Which want?"));
        assertTrue(say(ME, "/want abc").contains("is not a want number"));
        assertTrue(say(ME, "/want 99").startsWith("You have no want #99"));
        assertTrue(say(ME, "/want 1 max:cheap").contains("is not a price"));
        assertTrue(say(ME, "/want 1 grade:shiny").contains("is not a grade"));
        assertTrue(say(ME, "/want 1 pressings:maybe").startsWith("Write pressings:any"));
        assertTrue(say(ME, "/want 1 loudly").contains("is not an option"));
        assertTrue(say("2222222", "/want 1").startsWith("You have no want #1"), "another chat's want is not yours");
        Want one = store.want(ME, 1).orElseThrow();
        assertEquals(null, one.maxPrice());
        assertTrue(one.active() && !one.pressingsAny() && one.minGrade() == null);
        assertTrue(say(ME, "/wants x").contains("is not a page number"));
        assertEquals(List.of(), changes);
    }

    @Test
    void theCommandsAreInTheMenuAndTheHelp() {
        List<String> names = bot.commands().stream().map(c -> c.name()).toList();
        assertTrue(names.containsAll(List.of("wantlist", "wants", "want")), names.toString());
        assertEquals("status", names.get(names.size() - 1));
        String help = say(ME, "/help");
        assertTrue(help.contains("/wantlist <Discogs username> [pressings:any]"), help);
        assertTrue(help.endsWith("/help - this text"), help);
        assertTrue(say(ME, "/wants").startsWith("You watch no wantlist."));
    }
}
