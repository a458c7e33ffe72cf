package io.vinyldetective.engine.cli;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.TestData;
import io.vinyldetective.engine.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportDumpCommandTest {

    @TempDir
    Path dir;

    @Test
    void importsAndExitsZero() {
        CommandRun r = run(TestData.shared("data/discogs-dump-sample/releases-50.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Imported 50 releases"), r.out());
    }

    @Test
    void aMissingFileExitsOneWithOneLineAndNoStackTrace() {
        CommandRun r = run(dir.resolve("nope.xml.gz").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private CommandRun run(String file) {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.resolve("data").toString()))) {
            return CommandRun.execute(ctx, ImportDumpCommand.class, file);
        }
    }

}
