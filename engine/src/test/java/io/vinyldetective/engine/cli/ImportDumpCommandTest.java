package io.vinyldetective.engine.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import picocli.CommandLine;
import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.TestData;
import io.vinyldetective.engine.storage.StorageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportDumpCommandTest {

    @TempDir
    Path dir;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @AfterEach
    void restore() {
        System.setOut(out);
        System.setErr(err);
    }

    @Test
    void importsAndExitsZero() {
        Result r = run(TestData.shared("data/discogs-dump-sample/releases-50.xml").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Imported 50 releases"), r.out);
    }

    @Test
    void aMissingFileExitsOneWithOneLineAndNoStackTrace() {
        Result r = run(dir.resolve("nope.xml.gz").toString());
        assertEquals(1, r.code);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    private Result run(String file) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.resolve("data").toString()))) {
            int code = new CommandLine(ImportDumpCommand.class, new MicronautFactory(ctx)).execute(file);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        }
    }

    private record Result(int code, String out, String err) {
    }
}
