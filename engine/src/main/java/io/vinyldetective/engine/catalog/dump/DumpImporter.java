package io.vinyldetective.engine.catalog.dump;

import io.vinyldetective.engine.catalog.FullTextIndex;
import io.vinyldetective.engine.catalog.ReleaseWriter;
import io.vinyldetective.engine.catalog.dump.ImportProgress.ImportStatus;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Imports a Discogs monthly releases dump ({@code .xml} or {@code .xml.gz}) into the catalog. One
 * thread parses, the calling thread writes, on a connection of its own, in transactions of
 * {@value #RELEASES_PER_TRANSACTION} releases; the queue between them is short, so memory stays
 * bounded whatever the file size. Idempotent: a release already in the catalog is updated and its
 * catalog numbers and barcodes replaced. The full-text index stands still during the import and is
 * rebuilt at the end. A truncated or garbled file ends the import early; what was read is kept.
 */
@Singleton
public class DumpImporter {

    /** Releases handed from the parser to the writer at a time. */
    static final int BATCH_SIZE = 1_000;
    /** Releases written per transaction. */
    static final int RELEASES_PER_TRANSACTION = 10_000;
    /** WAL pages between checkpoints on the import's connection (the default is 1000). */
    static final int IMPORT_WAL_CHECKPOINT_PAGES = 16_384;
    /** Page cache of the import's connection, KiB: larger than a pooled connection's, for the import only. */
    static final int IMPORT_CACHE_KIB = 32_768;

    private static final Logger LOG = LoggerFactory.getLogger(DumpImporter.class);
    private static final String SOURCE = "dump";
    /** Elements of a release the catalog never reads, dropped before parsing (see {@link SkippingInputStream}). */
    static final List<String> UNREAD_ELEMENTS = List.of("tracklist", "extraartists", "companies", "images", "videos", "notes");
    /**
     * The import's connection: no fsync (a crash mid-import loses at most the import, which can simply be
     * run again) and no foreign-key checks (the importer writes each release before its child rows).
     */
    private static final Map<String, String> IMPORT_PRAGMAS = Map.of(
            "synchronous", "OFF",
            "jdbc.get_generated_keys", "false",
            "foreign_keys", "false",
            "cache_size", Integer.toString(-IMPORT_CACHE_KIB));

    private final EngineDatabase database;

    public DumpImporter(EngineDatabase database) {
        this.database = database;
    }

    /**
     * Imports one dump file.
     *
     * @param file     a releases dump, gzip-compressed or not (recognised by content, not by name)
     * @param listener told the progress after every batch
     * @return what was read, imported and skipped; {@link ImportSummary#error()} says why it stopped early
     * @throws DumpFileException when the file cannot be read at all, or holds no releases dump; nothing was imported
     * @throws StorageException  when the database cannot be written
     */
    public ImportSummary importFile(Path file, ImportProgress listener) throws DumpFileException {
        long started = System.nanoTime();
        long totalBytes;
        CountingInputStream counted;
        DumpReader reader;
        try {
            totalBytes = Files.size(file);
            counted = new CountingInputStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new DumpFileException("No such file: " + file, e);
        } catch (IOException e) {
            throw new DumpFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            reader = new DumpReader(parserInput(counted));
        } catch (IOException | DumpFormatException e) {
            closeQuietly(counted);
            throw new DumpFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        ParserThread parser = new ParserThread(reader);
        parser.start();
        try {
            return write(file, parser, counted, totalBytes, started, listener);
        } finally {
            parser.cancel();
            closeQuietly(counted);
        }
    }

    private ImportSummary write(Path file, ParserThread parser, CountingInputStream counted, long totalBytes,
                                long started, ImportProgress listener) throws DumpFileException {
        long imported = 0;
        long skipped = 0;
        String error = null;
        try (Connection c = database.openDedicatedConnection(IMPORT_PRAGMAS); ReleaseWriter writer = new ReleaseWriter(c)) {
            try (Statement s = c.createStatement()) {
                // Fewer, larger checkpoints: pages written again and again (indexes) are copied to the file once.
                s.execute("PRAGMA wal_autocheckpoint = " + IMPORT_WAL_CHECKPOINT_PAGES);
            }
            c.setAutoCommit(false);
            boolean fresh = isEmpty(c);
            boolean suspended = false;
            long newestId = Long.MIN_VALUE;
            long uncommitted = 0;
            long waitNanos = 0;
            long now = System.currentTimeMillis();
            while (true) {
                long t0 = System.nanoTime();
                Batch batch = parser.take();
                waitNanos += System.nanoTime() - t0;
                if (!batch.releases().isEmpty() && !suspended) {
                    FullTextIndex.suspend(c);
                    suspended = true;
                }
                for (DumpRelease r : batch.releases()) {
                    long id = r.release().id();
                    boolean known = !fresh || id <= newestId;
                    newestId = Math.max(newestId, id);
                    writer.write(r.release(), r.rawBarcodes(), r.genres(), r.styles(), SOURCE, known, now);
                }
                imported += batch.releases().size();
                skipped = batch.skipped();
                uncommitted += batch.releases().size();
                if (uncommitted >= RELEASES_PER_TRANSACTION || batch.last()) {
                    c.commit();
                    uncommitted = 0;
                }
                if (batch.last()) {
                    error = batch.error();
                    break;
                }
                listener.onProgress(new ImportStatus(imported + skipped, imported, skipped, counted.count(), totalBytes,
                        System.nanoTime() - started));
            }
            if (imported == 0 && skipped == 0 && error != null) {
                throw new DumpFileException("Cannot read " + file + ": " + error, null);
            }
            long indexStart = System.nanoTime();
            if (suspended) {
                FullTextIndex.rebuild(c);
                c.commit();
            }
            LOG.debug("Import timing: waiting for the parser {} ms, full-text rebuild {} ms", waitNanos / 1_000_000,
                    (System.nanoTime() - indexStart) / 1_000_000);
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } catch (SQLException e) {
            throw new StorageException("Import failed after " + imported + " releases: " + e.getMessage(), e);
        }
        long elapsed = System.nanoTime() - started;
        listener.onProgress(new ImportStatus(imported + skipped, imported, skipped, counted.count(), totalBytes, elapsed));
        ImportSummary summary = new ImportSummary(imported + skipped, imported, skipped, elapsed / 1e9, error);
        LOG.info("Imported {}: read={} imported={} skipped={} seconds={}{}", file.getFileName(), summary.read(),
                summary.imported(), summary.skipped(), String.format("%.1f", summary.seconds()),
                error == null ? "" : " stopped early: " + error);
        return summary;
    }

    private static boolean isEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM discogs_releases LIMIT 1")) {
            return !rs.next();
        }
    }

    /**
     * What the parser reads of a dump stream: gunzipped when it starts with the gzip magic number,
     * with the elements the catalog never reads dropped. Public for the benchmark, which times parsing alone.
     */
    public static InputStream parserInput(InputStream dump) throws IOException {
        return new SkippingInputStream(decompressed(dump), UNREAD_ELEMENTS);
    }

    /** The stream, gunzipped when it starts with the gzip magic number. */
    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
        }
        return buffered;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("Closing the dump failed", e);
        }
    }

    /** Releases handed over at once; the last batch says why reading ended ({@code error} null: end of file). */
    private record Batch(List<DumpRelease> releases, long skipped, boolean last, String error) {
    }

    /** Parses the dump into batches on its own thread, so parsing and writing use both cores. */
    private static final class ParserThread extends Thread {

        private final DumpReader reader;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        private volatile boolean cancelled;

        ParserThread(DumpReader reader) {
            super("dump-parser");
            setDaemon(true);
            this.reader = reader;
        }

        @Override
        public void run() {
            List<DumpRelease> releases = new ArrayList<>(BATCH_SIZE);
            String error = null;
            try {
                DumpRelease r;
                while ((r = reader.next()) != null) {
                    releases.add(r);
                    if (releases.size() == BATCH_SIZE) {
                        if (!put(new Batch(releases, reader.skipped(), false, null))) {
                            return;
                        }
                        releases = new ArrayList<>(BATCH_SIZE);
                    }
                }
            } catch (DumpFormatException e) {
                error = e.getMessage();
            } catch (RuntimeException | Error e) {
                error = "Reading the dump failed: " + e;
            } finally {
                try {
                    reader.close();
                } catch (DumpFormatException | RuntimeException e) {
                    LOG.debug("Closing the dump reader failed", e);
                }
            }
            put(new Batch(releases, reader.skipped(), true, error));
        }

        private boolean put(Batch batch) {
            try {
                while (!cancelled) {
                    if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        Batch take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Import interrupted", e);
            }
        }

        void cancel() {
            cancelled = true;
            interrupt();
            try {
                join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
