package io.vinyldetective.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user sees before configuring anything: {@code bin/vinyl-detective plugins} of the installed
 * tree, with an empty environment, lists the plugins and the default pipeline, names every variable the
 * pipeline still needs, exits 0, and creates no database.
 */
class FreshInstallIT {

    @TempDir
    Path home;

    @Test
    void pluginsOnAnUnconfiguredInstallSaysWhatIsMissingWithoutFailing() throws IOException, InterruptedException {
        Path out = home.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(Daemon.installation().resolve("bin/vinyl-detective").toString(),
                "plugins").directory(home.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", home.toString());
        Process plugins = builder.start();
        assertTrue(plugins.waitFor(60, TimeUnit.SECONDS), "plugins ends on its own");
        String text = Files.readString(out, StandardCharsets.UTF_8);

        assertEquals(0, plugins.exitValue(), text);
        for (String id : new String[] {"ebay", "discogs", "match-catalog", "match-barcode", "match-fuzzy", "telegram"}) {
            assertTrue(text.contains("  " + id + " "), id + " listed: " + text);
        }
        assertTrue(text.contains("sources:   ebay"), text);
        assertTrue(text.contains("match-catalog (catalog_no) → match-barcode (barcode) → match-fuzzy (fuzzy)"), text);
        assertTrue(text.contains("Still needed before `vinyl-detective run` can start it:"), text);
        for (String variable : new String[] {"EBAY_APP_ID", "EBAY_CERT_ID", "DISCOGS_TOKEN", "TELEGRAM_TOKEN"}) {
            assertTrue(text.contains("  " + variable + " "), variable + " named: " + text);
        }
        assertFalse(text.contains("Exception"), text);
        try (Stream<Path> files = Files.walk(home)) {
            assertEquals(java.util.List.of(), files.filter(f -> f.getFileName().toString().contains(".db")).toList(),
                    "no database is created");
        }
        assertFalse(Files.exists(home.resolve("data")), "no data folder is created");
    }
}
