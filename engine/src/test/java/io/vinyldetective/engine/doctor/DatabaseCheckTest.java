package io.vinyldetective.engine.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.engine.destinations.DestinationStore;
import io.vinyldetective.engine.storage.Migrations;
import io.vinyldetective.engine.storage.StorageSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The doctor's database section counts the places chats added, and never shows one. */
class DatabaseCheckTest {

    private static final String WEBHOOK_TOKEN = "hookTokenThatMustNeverShow_0123456789";
    private static final String TOPIC = "my-secret-topic-42";

    @TempDir
    Path dir;

    @Test
    void destinationsAreCountedPerNotifierWithoutTheirAddresses() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve(StorageSettings.DATABASE_FILE));
        new Migrations().migrate(ds);
        DestinationStore store = new DestinationStore(ds);
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        long hook = store.add("1", "discord", new ChatAddress("1234567890123456789/" + WEBHOOK_TOKEN, "…/webhooks/12…89/****",
                List.of(WEBHOOK_TOKEN)), now).destination().id();
        store.add("1", "ntfy", new ChatAddress("https://ntfy.sh/" + TOPIC, "https://ntfy.sh/my****", List.of(TOPIC)), now);
        store.add("2", "ntfy", new ChatAddress("https://ntfy.sh/" + TOPIC + "-2", "https://ntfy.sh/my****", List.of(TOPIC)), now);
        store.disable(hook, "Discord: unknown webhook (404)", now);

        StringWriter out = new StringWriter();
        DoctorReport report = new DoctorReport(new PrintWriter(out));
        report.addAll(new DatabaseCheck(dir, new Migrations(), System.getProperty("user.name")).run());
        String text = out.toString().replaceAll("\\s+", " "); // wrapped lines and columns joined

        assertTrue(text.contains("chat destinations 2 active (discord 0, ntfy 2), 1 disabled after their service said"),
                text);
        assertTrue(text.contains("(current)"), text);
        assertFalse(text.contains(WEBHOOK_TOKEN) || text.contains(TOPIC), "the doctor shows an address: " + text);
        assertEquals(0, report.problems(), text);
    }
}
