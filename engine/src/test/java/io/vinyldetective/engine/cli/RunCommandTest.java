package io.vinyldetective.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.engine.plugins.PluginJarBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vinyl-detective run} as a separate JVM, stopped with SIGTERM like systemd does. */
class RunCommandTest {

    private static final String SECRET = "supersecret-token-123";

    @TempDir
    Path dir;

    @Test
    void readyTimeIsTheProcessAgeToTheTenMilliseconds() {
        // The JVM's own uptime starts a little after the process; the age must not be a second off either way.
        long jvmUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long age = RunCommand.processAge().toMillis();
        long jvmUptimeAfter = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        assertTrue(age >= jvmUptime - 20 && age <= jvmUptimeAfter + 500, "process age " + age + " ms, JVM uptime " + jvmUptime + " ms");
    }

    @Test
    void runsThePipelineFromConfigurationAndStopsCleanlyOnSigterm() throws Exception {
        PluginJarBuilder.greeterNotifier("greeter").buildInto(dir.resolve("plugins"));
        Process process = start(Map.of("PIPELINE_NOTIFIERS", "greeter", "PLUGINS_GREETER_GREETING", "hello",
                "PLUGINS_GREETER_TOKEN", SECRET));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = readLines(process, lines);
        try {
            awaitLine(lines, "Ready in", process);
            assertTrue(lines.stream().anyMatch(l -> l.contains("Pipeline: ") && l.contains("notifiers=[greeter]")), lines::toString);
            assertTrue(Files.exists(dir.resolve("data/vinyl-detective.db")), "database created under DATA_DIR");

            // SIGTERM, as systemd sends it (Process.destroy() would also close our end of the output).
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "exits within 10 s of SIGTERM");
            assertEquals(0, process.exitValue());
            reader.get(5, TimeUnit.SECONDS);
            assertTrue(lines.stream().anyMatch(l -> l.contains("Stopped")), lines::toString);
            assertFalse(String.join("\n", lines).contains(SECRET), "no secret in the log");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aMissingPluginStopsStartUpWithOneClearLine() throws Exception {
        Files.createDirectories(dir.resolve("plugins"));
        Process process = start(Map.of("PIPELINE_NOTIFIERS", "telegram"));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = readLines(process, lines);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        reader.get(5, TimeUnit.SECONDS);

        assertEquals(1, process.exitValue());
        String output = String.join("\n", lines);
        assertTrue(output.contains("Plugin 'telegram' named in pipeline.notifiers is not available"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    @Test
    void aMissingTokenExitsOneWithOneLineNamingTheVariable() throws Exception {
        PluginJarBuilder.plugin("telegram").source("test.tg.BotNotifier", """
                package test.tg;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class BotNotifier implements Notifier {
                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.secret("token", "The bot token."),
                                ConfigKey.optional("base-url", ConfigKey.Type.STRING, "https://api.telegram.org", "API root."));
                    }

                    public void start(PluginContext context) {
                    }

                    public Delivery deliver(Alert alert) {
                        return Delivery.delivered();
                    }
                }
                """, true).buildInto(dir.resolve("plugins"));
        Process process = start(Map.of("PIPELINE_NOTIFIERS", "telegram", "TELEGRAM_TOKEN", ""));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = readLines(process, lines);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        reader.get(5, TimeUnit.SECONDS);

        assertEquals(1, process.exitValue());
        assertTrue(lines.contains("vinyl-detective: TELEGRAM_TOKEN is not set: the telegram plugin needs a bot token"
                + " (from @BotFather). Set it in /opt/vinyl-detective/.env or the environment."), lines::toString);
        assertFalse(String.join("\n", lines).contains("\tat "), "no stack trace: " + lines);
    }

    private Process start(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.vinyldetective.engine.Main", "run")
                .redirectErrorStream(true).directory(dir.toFile());
        builder.environment().put("DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("PLUGINS_DIR", dir.resolve("plugins").toString());
        builder.environment().put("PIPELINE_SOURCES", "");
        builder.environment().put("PIPELINE_ORACLE", "");
        builder.environment().put("PIPELINE_MATCHERS", "");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static CompletableFuture<Void> readLines(Process process, List<String> lines) {
        return CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        });
    }

    private static void awaitLine(List<String> lines, String text, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.contains(text))) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("engine exited early: " + lines);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' within 30 s: " + lines);
    }
}
