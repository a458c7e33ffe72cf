package io.vinyldetective.engine.cli;

import io.vinyldetective.api.Notifier;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.alerts.OutboxDrainer;
import io.vinyldetective.engine.bot.BotCommands;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.ChatNotices;
import io.vinyldetective.engine.bot.ChatChannels;
import io.vinyldetective.engine.logging.SecretMasker;
import io.micronaut.context.env.Environment;
import io.vinyldetective.engine.config.PollInterval;
import io.vinyldetective.engine.destinations.NotifyCommands;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineException;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.polling.ListingCleanupJob;
import io.vinyldetective.engine.polling.Poller;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.pricing.PriceRefreshJob;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.wants.WantlistSync;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code vinyl-detective run}: the daemon. Opens the database, loads the plugins, assembles the
 * configured pipeline, logs it, opens its chat channels with the engine's commands, polls the saved
 * searches and the watches of the followed wantlists ({@link Poller}, {@link WantlistSync}), drains the
 * alert outbox through its notifiers, runs the weekly price
 * refresh and the daily listing cleanup, until SIGTERM or SIGINT. Then it stops polling (a poll in
 * progress finishes), delivers what is due in the outbox for a few seconds, stops every plugin and
 * exits 0, all within {@link #SHUTDOWN} seconds. A pipeline that cannot be assembled exits 1 with
 * the reason in one line on stderr (a missing setting names its environment variable), not a stack trace.
 */
@Command(name = "run", description = "Run the daemon until SIGTERM.")
public class RunCommand implements Callable<Integer> {

    /** The most a shutdown takes (systemd's default stop timeout is 90 s; ours is well inside it). */
    static final Duration SHUTDOWN = Duration.ofSeconds(10);
    private static final Duration POLL_GRACE = Duration.ofSeconds(4);
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(3);
    /** Clock ticks per second in {@code /proc} (USER_HZ: 100 on the Linux ABIs a Pi or a VPS runs). */
    private static final long USER_HZ = 100;
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Inject
    Provider<EngineDatabase> database;

    @Inject
    Provider<PluginHost> host;

    @Inject
    Provider<PipelineAssembler> assembler;

    @Inject
    Provider<PipelineSettings> settings;

    @Inject
    Provider<PriceRefreshJob> priceRefresh;

    @Inject
    Provider<BotCommands> commands;

    @Inject
    Provider<AlertOutbox> outbox;

    @Inject
    Provider<Poller> poller;

    @Inject
    Provider<ListingCleanupJob> cleanup;

    @Inject
    Provider<WantlistSync> wantlists;

    @Inject
    Provider<ChatNotices> notices;

    @Inject
    Provider<BotSettings> bot;

    @Inject
    Provider<NotifyCommands> notify;

    @Inject
    Environment environment;

    @Override
    public Integer call() {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        Optional<String> badInterval = PollInterval.problem(name -> environment.getProperty(name, String.class), environment);
        if (badInterval.isPresent()) {
            spec.commandLine().getErr().println("vinyl-detective: " + badInterval.get());
            return 1;
        }
        database.get();
        host.get().problems();
        Pipeline pipeline;
        try {
            pipeline = assembler.get().assemble(settings.get());
        } catch (PipelineException e) {
            // One line on stderr, like every failed command (Main): under systemd it is the journal's last line.
            spec.commandLine().getErr().println("vinyl-detective: " + SecretMasker.mask(e.getMessage()));
            LOG.debug("Cannot start", e);
            return 1;
        }
        Map<String, Notifier> notifiers = pipeline.notifiersById();
        notify.get().attach(pipeline);
        Poller polls = poller.get();
        try (pipeline; ChatChannels channels = new ChatChannels();
             OutboxDrainer drainer = new OutboxDrainer(outbox.get(), notifiers)) {
            LOG.info("Pipeline: {}", pipeline.describe());
            pipeline.oracle().ifPresent(oracle -> priceRefresh.get().start(oracle.extension()));
            cleanup.get().start();
            if (!pipeline.channels().isEmpty()) {
                channels.open(pipeline.channels(), commands.get());
                notices.get().attach(pipeline.channels());
            }
            polls.start(pipeline);
            WantlistSync sync = wantlists.get();
            sync.onChanged(polls::watchesChanged);
            pipeline.oracle().ifPresent(oracle -> sync.start(oracle.extension(), bot.get().ownerChat()));
            LOG.info("Ready in {} ms", processAge().toMillis());
            stop.await();
            LOG.info("Stopping");
            long stopping = System.nanoTime();
            polls.stop(POLL_GRACE);
            wantlists.get().close();
            priceRefresh.get().close();
            cleanup.get().close();
            drainer.finish(DRAIN_GRACE);
            LOG.debug("Polling and outbox stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Stopped");
        return 0;
    }

    /**
     * How long this process has run, the launcher script included. On Linux from {@code /proc} (its
     * start in clock ticks since boot against the uptime, in 10 ms steps): there the start instant
     * {@link ProcessHandle} gives adds the boot time in whole seconds, up to a second off.
     */
    static Duration processAge() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which may hold spaces: the start time is field 22, the 20th here.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            long ms = Math.round(uptimeSeconds * 1000) - startTicks * 1000 / USER_HZ;
            if (ms >= 0) {
                return Duration.ofMillis(ms);
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc not readable: fall back below.
        }
        return Duration.between(ProcessHandle.current().info().startInstant().orElse(Instant.now()), Instant.now());
    }
}
