package io.vinyldetective.engine.cli;

import io.vinyldetective.engine.catalog.dump.DumpFileException;
import io.vinyldetective.engine.catalog.dump.DumpImporter;
import io.vinyldetective.engine.catalog.dump.ImportSummary;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code import-dump FILE}: fills the catalog from a Discogs monthly releases dump. Exit code 0 when
 * the whole file was imported, 1 when it could not be read or stopped early (what was read is kept).
 */
@Command(name = "import-dump",
        description = "Imports a Discogs monthly releases dump (releases.xml.gz or .xml) into the catalog; safe to run again.",
        mixinStandardHelpOptions = true)
public class ImportDumpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the dump file, .xml.gz or .xml")
    Path file;

    @Inject
    Provider<DumpImporter> importer;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println(Files.exists(file) ? "Cannot read " + file : "No such file: " + file);
            return 1;
        }
        try {
            ImportSummary s = importer.get().importFile(file, new ConsoleImportProgress(out, System.console() != null));
            out.printf("Imported %,d releases (%,d read, %,d skipped) in %.1f s, %,.0f releases/s%n",
                    s.imported(), s.read(), s.skipped(), s.seconds(), s.releasesPerSecond());
            if (!s.complete()) {
                err.println("Import stopped early: " + s.error() + " (the releases before it were kept)");
                return 1;
            }
            return 0;
        } catch (DumpFileException | StorageException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
