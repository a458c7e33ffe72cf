package io.vinyldetective.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command as a new user runs it: {@code bin/vinyl-detective demo} from the installed
 * tree, with no account and no settings, prints the three deal cards of the recordings and exits 0,
 * leaving nothing behind in the user's data folder.
 */
class DemoIT {

    @TempDir
    Path home;

    @Test
    void theDemoPrintsTheThreeDealsAndNothingElse() throws IOException, InterruptedException {
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(Daemon.installation().resolve("bin/vinyl-detective").toString(), "demo")
                .directory(home.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("DISCOGS_")
                || k.startsWith("EBAY_") || k.startsWith("PIPELINE_") || k.equals("DATA_DIR"));
        Process demo = builder.start();
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo ends on its own");
        String cards = Files.readString(out, StandardCharsets.UTF_8);
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, demo.exitValue(), cards + log);

        assertEquals(3, cards.split("% below · to demo", -1).length - 1, cards);
        assertTrue(cards.contains("Piero Umiliani — Questo Sporco Mondo Meraviglioso"), cards);
        assertTrue(cards.contains("Ron Carter — New York Slick"), cards);
        assertTrue(cards.contains("Hidden Orchestra — Wingbeats"), cards);
        assertTrue(cards.contains("campid=vd-demo"), "cards carry the affiliate link: " + cards);
        for (String silent : new String[] {"Swing Swang Swingin'", "Stompin' At The Savoy", "Ella & Louis", "Slipmat",
                "5 Jazz LPs"}) {
            assertFalse(cards.contains(silent), silent + " must not alert: " + cards);
        }
        assertTrue(cards.contains("3 deals found."), cards);
        assertTrue(log.contains("Poll #1 \"jazz\" (Vinyl): 8 listings, 8 new, matched 6"), log);
        assertFalse(Files.exists(home.resolve("data")), "the demo leaves the user's data folder alone");
    }
}
