package io.vinyldetective.plugins.discogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.api.Wantlist;
import io.vinyldetective.plugins.discogs.FakeDiscogs.Scripted;
import io.vinyldetective.plugins.discogs.FakeDiscogs.Seen;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wantlists and masters' pressings against the loopback fake Discogs, whose answers are the
 * documentation's examples ({@link DocsExample}), through the engine's real gateway and pacing.
 */
class WantlistTest {

    static final Duration WINDOW = Duration.ofMillis(1000);

    private FakeDiscogs fake;
    private DiscogsPriceOracle oracle;

    @BeforeEach
    void start() throws Exception {
        fake = FakeDiscogs.start();
        oracle = new DiscogsPriceOracle(WINDOW);
        oracle.start(new TestContext(oracle.configKeys(), TestContext.settings(fake.baseUrl(), "requests-per-minute", "50"),
                Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        oracle.stop();
        fake.close();
    }

    @Test
    void theDocumentedWantlistMapsToReleasesWithLabelsFormatsAndYear() {
        Wantlist list = oracle.wantlist("example", Urgency.BACKGROUND).orElseThrow();

        assertEquals(Wantlist.Access.READ, list.access());
        assertEquals(List.of(1867708L, 1675174L), list.wants().stream().map(Release::id).toList());
        Release yearZero = list.wants().get(0);
        assertEquals("Year Zero", yearZero.title());
        assertEquals(List.of("Nine Inch Nails"), yearZero.artists());
        assertEquals(List.of(new Release.LabelCatalogNumber("Interscope Records", "B0008764-02")), yearZero.labels());
        assertEquals(MediaFormat.CD, yearZero.format());
        assertEquals("CD, Album, Digipak", yearZero.formatDescription());
        assertEquals(2007, yearZero.year());
        Seen request = fake.seen().get(0);
        assertEquals("/users/example/wants", request.path());
        assertEquals(Map.of("page", "1", "per_page", "100"), request.query());
        assertEquals("Discogs token=" + FakeDiscogs.TOKEN, request.authorization());
    }

    @Test
    void everyPageIsReadAtAHundredAPageWithinThePace() {
        fake.wantlist("collector", 10_000, 250).limit(60, WINDOW);

        Wantlist list = oracle.wantlist("collector", Urgency.BACKGROUND).orElseThrow();

        assertEquals(250, list.wants().size());
        assertEquals(10_000L, list.wants().get(0).id());
        assertEquals(10_249L, list.wants().get(249).id());
        assertEquals(50_249L, list.wants().get(249).masterId(), "current answers carry the master");
        assertEquals(List.of("1", "2", "3"), fake.seen().stream().map(s -> s.query().get("page")).toList());
        assertEquals(0, fake.tooMany());
    }

    @Test
    void aPrivateListAndAnUnknownUserAreAnsweredNotThrown() {
        fake.wantlist("shy", 1, 3).privateWantlist("shy");

        assertEquals(Wantlist.Access.PRIVATE, oracle.wantlist("shy", Urgency.BACKGROUND).orElseThrow().access());
        assertEquals(Wantlist.Access.NO_SUCH_USER, oracle.wantlist("nobody-here", Urgency.BACKGROUND).orElseThrow().access());
        assertEquals(Wantlist.Access.NO_SUCH_USER, oracle.wantlist("../releases/1", Urgency.BACKGROUND).orElseThrow().access(),
                "a name that cannot be a Discogs user is not sent");
        assertEquals(2, fake.hits());
    }

    @Test
    void aFailurePartWayThroughThrowsRatherThanReturnAHalfList() {
        fake.wantlist("collector", 10_000, 250)
                .then("/users/collector/wants", Scripted.of(200, "{\"pagination\":{\"pages\":3,\"page\":1},\"wants\":[]}"),
                        Scripted.of(500, "{\"message\": \"Query time exceeded. Please try a simpler query.\"}"),
                        Scripted.of(500, "{}"), Scripted.of(500, "{}"), Scripted.of(500, "{}"), Scripted.of(500, "{}"));

        assertThrows(PluginException.RetryLater.class, () -> oracle.wantlist("collector", Urgency.BACKGROUND));
    }

    @Test
    void theDocumentedVersionsOfAMasterAreItsPressingsWithTheMastersArtists() {
        List<Release> versions = oracle.masterVersions(1000, List.of("Mental Overdrive"), Urgency.BACKGROUND);

        assertEquals(List.of(18926L, 34228L, 1873038L), versions.stream().map(Release::id).toList());
        Release uk = versions.get(1);
        assertEquals("Plastic Dreams (Mixes)", uk.title());
        assertEquals(List.of("Mental Overdrive"), uk.artists());
        assertEquals(List.of(new Release.LabelCatalogNumber("R & S Records", "RSGB 101T")), uk.labels());
        assertEquals(MediaFormat.VINYL, uk.format());
        assertEquals("UK", uk.country());
        assertEquals(1993, uk.year());
        assertEquals(1000L, uk.masterId());
        assertTrue(oracle.masterVersions(424242, List.of(), Urgency.BACKGROUND).isEmpty(), "an unknown master has none");
    }
}
