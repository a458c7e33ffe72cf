package io.vinyldetective.engine.wants;

import static io.vinyldetective.engine.wants.Wantlists.wanted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ChatHandler;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.api.Wantlist;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.bot.ChatNotices;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.pipeline.Stage;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading wantlists on schedule and on request, what the chat is told, and filling in the wanted releases. */
class WantlistSyncTest {

    private static final String ME = "111";

    @TempDir
    Path dir;
    private ApplicationContext context;
    private WantStore store;
    private CatalogStore catalog;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final Oracle oracle = new Oracle();
    private final List<ChatReply> told = new CopyOnWriteArrayList<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private WantlistSync sync;

    /** A Discogs that the test fills: wantlists by user, full releases, masters' pressings. */
    private static final class Oracle implements PriceOracle {
        final Map<String, Wantlist> lists = new ConcurrentHashMap<>();
        final Map<Long, Release> full = new ConcurrentHashMap<>();
        final Map<Long, List<Release>> versions = new ConcurrentHashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();
        RuntimeException fail;

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
            return List.of();
        }

        @Override
        public Optional<Wantlist> wantlist(String username, Urgency urgency) {
            asked.add("wants " + username + " " + urgency);
            if (fail != null) {
                throw fail;
            }
            return Optional.of(lists.getOrDefault(username, Wantlist.refused(username, Wantlist.Access.NO_SUCH_USER)));
        }

        @Override
        public Optional<Release> release(long releaseId, Urgency urgency) {
            asked.add("release " + releaseId + " " + urgency);
            return Optional.ofNullable(full.get(releaseId));
        }

        @Override
        public List<Release> masterVersions(long masterId, List<String> artists, Urgency urgency) {
            asked.add("versions " + masterId + " " + artists + " " + urgency);
            return versions.getOrDefault(masterId, List.of());
        }
    }

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        store = context.getBean(WantStore.class);
        catalog = context.getBean(CatalogStore.class);
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
        sync = new WantlistSync(store, catalog, notices, WantSettings.defaults(), clock);
        sync.attach(oracle);
        sync.onChanged(() -> changes.add("changed"));
        oracle.lists.put("rodneyfool", Wantlist.read("rodneyfool", List.of(
                wanted(1, "John Coltrane", "Giant Steps", "SD 1311", MediaFormat.VINYL, 500L),
                wanted(2, "Hank Mobley", "Soul Station", "BLP 4031", MediaFormat.VINYL, null))));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private List<String> texts() {
        return told.stream().map(r -> r.chatId() + ": " + r.text()).toList();
    }

    @Test
    void aRequestedReadIsAppliedAndTold() {
        store.link(ME, "rodneyfool", false, clock.instant());
        sync.request(ME);

        assertEquals(1, sync.runDue());

        assertEquals(List.of(1L, 2L), store.wants(ME).stream().map(Want::releaseId).toList());
        assertEquals(List.of(ME + ": Wantlist of rodneyfool: 2 wants (2 new, 0 gone). I look for them on eBay every 1 h"
                + " and read the list again daily. /wants lists them."), texts());
        assertEquals(List.of("changed"), changes);
        assertEquals(List.of("wants rodneyfool BACKGROUND"), oracle.asked);
        assertEquals("wantlist", catalog.sourceOf(1).orElseThrow(), "what the list shows goes into the catalog");
    }

    @Test
    void theListIsReadAgainDailyAndOnlyChangesAreTold() {
        store.link(ME, "rodneyfool", false, clock.instant());
        sync.runDue();
        told.clear();
        clock.advance(Duration.ofHours(23));
        assertEquals(0, sync.runDue(), "not due before a day");

        clock.advance(Duration.ofHours(1));
        assertEquals(1, sync.runDue());
        assertEquals(List.of(), texts(), "nothing changed: nothing said");

        oracle.lists.put("rodneyfool", Wantlist.read("rodneyfool", List.of(
                wanted(2, "Hank Mobley", "Soul Station", "BLP 4031", MediaFormat.VINYL, null),
                wanted(3, "Lee Morgan", "The Sidewinder", "BLP 4157", MediaFormat.VINYL, null))));
        clock.advance(Duration.ofDays(1));
        sync.runDue();

        assertEquals(List.of(2L, 3L), store.wants(ME).stream().map(Want::releaseId).toList());
        assertEquals(List.of(ME + ": Your wantlist changed on Discogs: 2 wants, 1 new, 1 gone. I look for them on eBay"
                + " every 1 h and read the list again daily. /wants lists them."), texts());
    }

    @Test
    void aPrivateListOrAnUnknownUserIsToldOnceAndTheWatchesStay() {
        store.link(ME, "rodneyfool", false, clock.instant());
        sync.runDue();
        told.clear();
        oracle.lists.put("rodneyfool", Wantlist.refused("rodneyfool", Wantlist.Access.PRIVATE));
        clock.advance(Duration.ofDays(1));

        sync.runDue();
        clock.advance(Duration.ofDays(1));
        sync.runDue();

        assertEquals(1, told.size(), "said once, not every day: " + texts());
        assertTrue(told.get(0).text().startsWith("The Discogs wantlist of rodneyfool is private"), told.get(0).text());
        assertEquals(2, store.wants(ME).size(), "a refused read drops nothing");
        assertEquals("the wantlist is private", store.wantlist(ME).orElseThrow().syncError());

        store.link(ME, "nobody", false, clock.instant());
        sync.request(ME);
        sync.runDue();
        assertTrue(told.get(1).text().startsWith("Discogs has no user nobody."), told.get(1).text());
    }

    @Test
    void discogsDownKeepsEverythingAndTriesAgainSoon() {
        store.link(ME, "rodneyfool", false, clock.instant());
        sync.runDue();
        oracle.fail = new PluginException.RetryLater("Discogs answered 502", null);
        clock.advance(Duration.ofDays(1));
        sync.request(ME);

        assertEquals(0, sync.runDue());

        assertEquals(2, store.wants(ME).size());
        WantlistLink link = store.wantlist(ME).orElseThrow();
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), link.nextSyncAt());
        assertTrue(told.get(told.size() - 1).text().startsWith("Discogs is not answering right now"), texts().toString());
        oracle.fail = null;
        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, sync.runDue());
    }

    @Test
    void theWantedReleasesAreFilledInAndTheirMastersPressingsStored() {
        oracle.full.put(1L, new Release(1, "Giant Steps", List.of("John Coltrane"),
                List.of(new Release.LabelCatalogNumber("Atlantic", "SD 1311")), List.of("075678131112"), MediaFormat.VINYL,
                "Vinyl, LP", "US", 1960, 500L));
        oracle.full.put(2L, new Release(2, "Soul Station", List.of("Hank Mobley"),
                List.of(new Release.LabelCatalogNumber("Blue Note", "BLP 4031")), List.of(), MediaFormat.VINYL,
                "Vinyl, LP", "US", 1960, 502L));
        oracle.versions.put(500L, List.of(new Release(7, "Giant Steps", List.of("John Coltrane"),
                List.of(new Release.LabelCatalogNumber("Atlantic", "SD 1311")), List.of(), MediaFormat.VINYL, "Vinyl",
                "Germany", 1977, 500L)));
        store.link(ME, "rodneyfool", false, clock.instant());
        sync.runDue();

        assertTrue(sync.fillInDetails(2), "two releases filled in, the masters still to do");
        assertFalse(sync.fillInDetails(10));

        assertEquals("api", catalog.sourceOf(1).orElseThrow());
        assertEquals(List.of("075678131112"), catalog.release(1).orElseThrow().barcodes());
        assertEquals(502L, store.wants(ME).get(1).masterId(), "the master the wantlist did not give");
        assertEquals(List.of(1L, 7L), catalog.byMaster(500).stream().map(Release::id).toList());
        assertTrue(store.versionsCheckedAt(500).isPresent() && store.versionsCheckedAt(502).isPresent());
        List<String> versions = new ArrayList<>(oracle.asked.stream().filter(a -> a.startsWith("versions")).toList());
        assertEquals(List.of("versions 500 [John Coltrane] BACKGROUND", "versions 502 [Hank Mobley] BACKGROUND"), versions);

        oracle.asked.clear();
        assertFalse(sync.fillInDetails(10));
        assertEquals(List.of(), oracle.asked, "nothing asked twice");
    }

    @Test
    void theOwnersChatFollowsDiscogsUsernameUnlessItChoseAnother() {
        WantlistSync owner = new WantlistSync(store, catalog, new ChatNotices(), new WantSettings(Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofMinutes(15), "rodneyfool", 2000, Duration.ofDays(30)), clock);

        owner.linkOwner(Optional.of(ME));
        assertEquals("rodneyfool", store.wantlist(ME).orElseThrow().username());

        store.link(ME, "someoneelse", false, clock.instant());
        owner.linkOwner(Optional.of(ME));
        assertEquals("someoneelse", store.wantlist(ME).orElseThrow().username(), "the chat's own choice stays");
    }
}
