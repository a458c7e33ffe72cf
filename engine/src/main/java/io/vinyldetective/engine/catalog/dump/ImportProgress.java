package io.vinyldetective.engine.catalog.dump;

/**
 * Told how a dump import is going, on the importing thread, after every batch (about a thousand
 * releases): fast enough for a progress bar, so a listener that prints lines throttles itself.
 */
@FunctionalInterface
public interface ImportProgress {

    /** A listener that ignores everything. */
    ImportProgress NONE = status -> { };

    void onProgress(ImportStatus status);

    /**
     * Where an import stands.
     *
     * @param read       releases read from the dump so far (imported + skipped)
     * @param imported   releases written to the catalog
     * @param skipped    malformed releases passed over
     * @param bytesRead  bytes of the file read (compressed bytes for a .gz)
     * @param totalBytes the file's size
     * @param elapsedNanos time since the import started
     */
    record ImportStatus(long read, long imported, long skipped, long bytesRead, long totalBytes, long elapsedNanos) {

        /** Share of the file read, 0 to 1. */
        public double fraction() {
            return totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
        }

        /** Releases per second so far. */
        public double releasesPerSecond() {
            return elapsedNanos <= 0 ? 0 : read * 1e9 / elapsedNanos;
        }
    }
}
