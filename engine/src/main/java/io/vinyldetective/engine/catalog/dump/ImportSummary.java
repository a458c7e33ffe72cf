package io.vinyldetective.engine.catalog.dump;

/**
 * How a dump import ended.
 *
 * @param read     releases read (imported + skipped)
 * @param imported releases written to the catalog (new or updated)
 * @param skipped  malformed releases passed over
 * @param seconds  wall-clock time, including the full-text index rebuild
 * @param error    why the import stopped early (truncated or garbled file), or null when it read the whole file;
 *                 everything read before that point is kept
 */
public record ImportSummary(long read, long imported, long skipped, double seconds, String error) {

    /** Whether the whole file was read. */
    public boolean complete() {
        return error == null;
    }

    /** Releases per second over the whole import. */
    public double releasesPerSecond() {
        return seconds <= 0 ? 0 : read / seconds;
    }
}
