package io.vinyldetective.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The installed daemon as a user runs it: {@code bin/vinyl-detective run} of the tree {@code mvn
 * package} built ({@code vd.dist.dir}), a separate process with only the environment given (plus
 * {@code PATH} and {@code JAVA_HOME} of the JVM running the tests), its stdout and stderr appended to
 * one log file across restarts. The launcher {@code exec}s Java, so the process is the JVM:
 * {@link #kill()} is a SIGKILL, {@link #terminate} a SIGTERM.
 */
public final class Daemon implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final long logStart;
    private final long startedNanos;

    private Daemon(Process process, Path log, long logStart, long startedNanos) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.startedNanos = startedNanos;
    }

    /** The installed tree: {@code vd.dist.dir}, which Failsafe sets to {@code dist/target/vinyl-detective}. */
    static Path installation() {
        String dir = System.getProperty("vd.dist.dir", "target/vinyl-detective");
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isExecutable(path.resolve("bin/vinyl-detective"))) {
            throw new IllegalStateException("no installed tree at " + path + ": run mvn package first");
        }
        return path;
    }

    /** Starts {@code bin/vinyl-detective <args>}; returns at once. */
    public static Daemon start(Path install, Map<String, String> env, Path log, String... args) {
        try {
            Files.createDirectories(log.getParent());
            long start = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command(install, args))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.putAll(env);
            long startedNanos = System.nanoTime();
            return new Daemon(builder.start(), log, start, startedNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code bin/vinyl-detective <args>} to its end; returns the exit code (output goes to the log). */
    public static int run(Path install, Map<String, String> env, Path log, Duration limit, String... args) {
        try (Daemon d = start(install, env, log, args)) {
            if (!d.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("vinyl-detective " + String.join(" ", args) + " did not end within "
                        + limit.toSeconds() + " s; log:\n" + d.newLog());
            }
            return d.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> command(Path install, String... args) {
        List<String> command = new ArrayList<>();
        command.add(install.resolve("bin/vinyl-detective").toString());
        command.addAll(List.of(args));
        return command;
    }

    /** {@link System#nanoTime} just before the process was started. */
    public long startedNanos() {
        return startedNanos;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The whole log file (every start of the daemon). */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What this start of the daemon has written so far. */
    String newLog() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until this start logs a line containing {@code text}; returns that line. */
    public String awaitLog(String text, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<String> line = newLog().lines().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("the daemon exited (" + process.exitValue() + ") before logging '" + text
                        + "'; its log:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the daemon did not log '" + text + "' within " + limit.toSeconds()
                        + " s; its log:\n" + tail());
            }
            sleep(50);
        }
    }

    /** The last lines of this start's log, for failure messages. */
    public String tail() {
        List<String> lines = newLog().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL: no shutdown hook, no clean close, as a power cut or the OOM killer. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the daemon survived SIGKILL for 10 s");
        }
    }

    /** SIGTERM (what systemd sends), then waits; empty when it did not exit within {@code limit}. */
    public Optional<Integer> terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        return Optional.of(process.exitValue());
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
