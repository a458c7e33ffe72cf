package io.vinyldetective.engine.wants;

import static io.vinyldetective.engine.wants.Wantlists.wanted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.engine.storage.StorageSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wantlist links and re-reads on a real SQLite file: what a re-read adds, drops and keeps. */
class WantStoreTest {

    private static final String ME = "111";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    private ApplicationContext context;
    private WantStore store;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        store = context.getBean(WantStore.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aReReadAddsTheNewDropsTheGoneAndKeepsTheSettingsOfTheRest() {
        store.link(ME, "rodneyfool", false, NOW);
        WantStore.SyncCounts first = store.applySync(ME, List.of(
                wanted(1, "John Coltrane", "Giant Steps", "SD 1311", MediaFormat.VINYL, 500L),
                wanted(2, "Hank Mobley", "Soul Station", "BLP 4031", MediaFormat.VINYL, 502L),
                wanted(2, "Hank Mobley", "Soul Station", "BLP 4031", MediaFormat.VINYL, 502L)), NOW, NOW.plusSeconds(86_400));
        assertEquals(new WantStore.SyncCounts(2, 0, 2), first, "a release listed twice is one want");
        Want mobley = store.wants(ME).get(1);
        store.update(mobley.withSettings(true, new BigDecimal("40.00"), "USD", Grade.VERY_GOOD_PLUS, true));

        WantStore.SyncCounts second = store.applySync(ME, List.of(
                wanted(2, "Hank Mobley", "Soul Station (Remastered)", "BLP 4031", MediaFormat.VINYL, 502L),
                wanted(3, "Lee Morgan", "The Sidewinder", "BLP 4157", MediaFormat.VINYL, null)), NOW, NOW.plusSeconds(86_400));

        assertEquals(new WantStore.SyncCounts(1, 1, 2), second);
        List<Want> wants = store.wants(ME);
        assertEquals(List.of(2L, 3L), wants.stream().map(Want::releaseId).toList());
        Want kept = wants.get(0);
        assertEquals(mobley.id(), kept.id(), "the same watch, same number");
        assertEquals("Soul Station (Remastered)", kept.title(), "what the list shows is refreshed");
        assertTrue(kept.pressingsAny());
        assertEquals(new BigDecimal("40.00"), kept.maxPrice().setScale(2));
        assertEquals(Grade.VERY_GOOD_PLUS, kept.minGrade());
        assertFalse(wants.get(1).pressingsAny(), "a new want starts with the list's choice");
        assertEquals(NOW, store.wantlist(ME).orElseThrow().syncedAt());
    }

    @Test
    void followingAnotherUserDropsTheOldWatchesAndTheSameUserKeepsThem() {
        store.link(ME, "rodneyfool", true, NOW);
        store.applySync(ME, List.of(wanted(1, "A", "B", "C1", MediaFormat.VINYL, null)), NOW, NOW);
        store.link(ME, "RodneyFool", true, NOW.plusSeconds(60));
        assertEquals(1, store.wants(ME).size(), "the same user, spelt otherwise: watches kept");
        assertTrue(store.wants(ME).get(0).pressingsAny(), "with the list's choice when it was added");

        store.link(ME, "someoneelse", false, NOW.plusSeconds(120));
        assertEquals(List.of(), store.wants(ME));
        assertEquals("someoneelse", store.wantlist(ME).orElseThrow().username());
        assertEquals(NOW.plusSeconds(120), store.wantlist(ME).orElseThrow().nextSyncAt(), "due at once");
    }

    @Test
    void aFailedReadChangesNothingButTheNextTry() {
        store.link(ME, "rodneyfool", false, NOW);
        store.applySync(ME, List.of(wanted(1, "A", "B", "C1", MediaFormat.VINYL, null)), NOW, NOW.plusSeconds(86_400));

        store.syncFailed(ME, "Discogs did not answer", NOW.plusSeconds(900));

        WantlistLink link = store.wantlist(ME).orElseThrow();
        assertEquals("Discogs did not answer", link.syncError());
        assertEquals(NOW.plusSeconds(900), link.nextSyncAt());
        assertEquals(1, store.wants(ME).size());
        assertEquals(List.of(link), store.dueForSync(NOW.plusSeconds(900)));
        assertEquals(List.of(), store.dueForSync(NOW.plusSeconds(899)));
    }

    @Test
    void unlinkingDropsTheWatches() {
        store.link(ME, "rodneyfool", false, NOW);
        store.applySync(ME, List.of(wanted(1, "A", "B", "C1", MediaFormat.VINYL, null)), NOW, NOW);

        assertTrue(store.unlink(ME));

        assertEquals(List.of(), store.wants(ME));
        assertTrue(store.wantlist(ME).isEmpty());
        assertFalse(store.unlink(ME));
        assertNull(store.nextSyncAt().orElse(null));
    }
}
