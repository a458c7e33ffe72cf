package io.vinyldetective.engine.cli;

import io.vinyldetective.engine.catalog.dump.ImportProgress;

import java.io.PrintStream;

/**
 * Shows a dump import's progress: a bar redrawn in place on a terminal, otherwise (journal, pipe)
 * one line every {@value #LINE_INTERVAL_SECONDS} seconds.
 */
final class ConsoleImportProgress implements ImportProgress {

    static final int LINE_INTERVAL_SECONDS = 10;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPrinted;

    ConsoleImportProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(ImportStatus s) {
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : LINE_INTERVAL_SECONDS * 1_000_000_000L;
        boolean done = s.bytesRead() >= s.totalBytes();
        if (!done && now - lastPrinted < interval) {
            return;
        }
        lastPrinted = now;
        String counts = String.format("%,d releases, %,d skipped, %,.0f/s", s.read(), s.skipped(), s.releasesPerSecond());
        if (terminal) {
            int filled = (int) Math.round(s.fraction() * BAR_WIDTH);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                    + String.format("%3.0f%% ", s.fraction() * 100) + counts + (done ? System.lineSeparator() : ""));
            out.flush();
        } else {
            out.printf("import-dump: %.0f%% %s%n", s.fraction() * 100, counts);
        }
    }
}
