package io.vinyldetective.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog tiers read online: local first, then a (fake) oracle, whose answers are stored; misses remembered. */
class ReadThroughCatalogTest {

    @TempDir
    Path dir;
    private ApplicationContext context;
    private CatalogStore store;
    private final FakeOracle oracle = new FakeOracle();
    private final AtomicLong nanos = new AtomicLong();
    private ReadThroughCatalog catalog;

    private static final Release BLUE_TRAIN = new Release(1577L, "Blue Train", List.of("John Coltrane"),
            List.of(new LabelCatalogNumber("Blue Note", "BLP 1577")), List.of("0724349532527"), MediaFormat.VINYL,
            "Vinyl, LP, Album, Mono", "US", 1957, 9000L);

    @BeforeEach
    void open() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        store = context.getBean(CatalogStore.class);
        catalog = new ReadThroughCatalog(store, oracle, nanos::get);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aLocalMissAsksTheOracleStoresTheAnswerAndThenAnswersLocally() {
        oracle.releases.add(BLUE_TRAIN);
        assertEquals(List.of(1577L), ids(catalog.byCatalogNumber("blp-1577")));
        assertEquals(List.of("catno:blp-1577:LOOKUP"), oracle.calls, "the oracle gets the spelling as written");
        assertEquals(List.of(1577L), ids(store.byCatalogNumber("BLP 1577")), "stored in SQLite");
        assertEquals(BLUE_TRAIN, store.release(1577).orElseThrow());

        assertEquals(List.of(1577L), ids(catalog.byCatalogNumber("BLP1577")));
        assertEquals(List.of(1577L), ids(catalog.byBarcode("0 724349 532527")));
        assertEquals(List.of(1577L), ids(catalog.search(List.of("coltrane", "blue", "train"), List.of(), 10)));
        assertEquals(1, oracle.calls.size(), "local hits never call out: " + oracle.calls);
    }

    @Test
    void barcodesTextAndIdsReadThroughToo() {
        oracle.releases.add(BLUE_TRAIN);
        assertEquals(List.of(1577L), ids(catalog.byBarcode("724349532527")));
        assertEquals("barcode:0724349532527:LOOKUP", oracle.calls.get(0));

        Release other = new Release(42L, "Giant Steps", List.of("John Coltrane"), List.of(), List.of(), MediaFormat.VINYL,
                null, null, 1960, null);
        oracle.releases.add(other);
        assertEquals(List.of(42L), ids(catalog.search(List.of("giant", "steps"), List.of(), 5)));
        assertEquals("text:null/giant steps:LOOKUP", oracle.calls.get(1));

        oracle.releases.add(new Release(7L, "Lush Life", List.of("John Coltrane"), List.of(), List.of(), null, null, null,
                null, null));
        assertEquals("Lush Life", catalog.release(7).orElseThrow().title());
    }

    @Test
    void missesAreRememberedForADayAndOneWordSearchesNeverCallOut() {
        assertTrue(catalog.byCatalogNumber("XYZ 1").isEmpty());
        assertTrue(catalog.byCatalogNumber("xyz-1").isEmpty());
        assertEquals(1, oracle.calls.size(), "same key: one request");
        assertTrue(catalog.search(List.of("coltrane"), List.of(), 5).isEmpty());
        assertEquals(1, oracle.calls.size(), "one word is too vague to ask");

        nanos.addAndGet(ReadThroughCatalog.NEGATIVE_TTL.plusMinutes(1).toNanos());
        assertTrue(catalog.byCatalogNumber("XYZ 1").isEmpty());
        assertEquals(2, oracle.calls.size(), "asked again after the miss expired");
    }

    @Test
    void anUnavailableOracleIsAMissThatIsNotRemembered() {
        oracle.unavailable = true;
        assertTrue(catalog.byCatalogNumber("BLP 1577").isEmpty());
        oracle.unavailable = false;
        oracle.releases.add(BLUE_TRAIN);
        assertEquals(List.of(1577L), ids(catalog.byCatalogNumber("BLP 1577")));
        assertEquals(2, oracle.calls.size());
    }

    @Test
    void aBrokenOracleDoesNotBreakMatching() {
        oracle.broken = true;
        assertTrue(catalog.byBarcode("0724349532527").isEmpty());
        assertTrue(catalog.release(5).isEmpty());
    }

    private static List<Long> ids(List<Release> releases) {
        return releases.stream().map(Release::id).toList();
    }

    /** Answers from a list of releases and records each request. */
    static final class FakeOracle implements PriceOracle {
        final List<Release> releases = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        boolean unavailable;
        boolean broken;

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
            return List.of();
        }

        @Override
        public List<Release> releasesByCatalogNumber(String catalogNumber, Urgency urgency) {
            calls.add("catno:" + catalogNumber + ":" + urgency);
            check();
            String key = catalogNumber.replaceAll("[^A-Za-z0-9]", "").toUpperCase();
            return releases.stream().filter(r -> r.labels().stream().anyMatch(l -> l.catalogNumber() != null
                    && l.catalogNumber().replaceAll("[^A-Za-z0-9]", "").equals(key))).toList();
        }

        @Override
        public List<Release> releasesByBarcode(String barcode, Urgency urgency) {
            calls.add("barcode:" + barcode + ":" + urgency);
            check();
            return releases.stream().filter(r -> r.barcodes().stream().anyMatch(b -> b.endsWith(barcode.substring(1)))).toList();
        }

        @Override
        public List<Release> searchReleases(String artist, String title, MediaFormat format, Urgency urgency) {
            calls.add("text:" + artist + "/" + title + ":" + urgency);
            check();
            return releases.stream().filter(r -> r.title().equalsIgnoreCase(title)).toList();
        }

        @Override
        public Optional<Release> release(long releaseId, Urgency urgency) {
            calls.add("id:" + releaseId);
            check();
            return releases.stream().filter(r -> r.id() == releaseId).findFirst();
        }

        private void check() {
            if (broken) {
                throw new IllegalStateException("bug");
            }
            if (unavailable) {
                throw new PluginException.RetryLater("rate limited", Duration.ofSeconds(30));
            }
        }
    }
}
