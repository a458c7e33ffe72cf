package io.vinyldetective.engine.cli;

import io.vinyldetective.api.Notifier;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.alerts.OutboxDrainer;
import io.vinyldetective.engine.bot.BotCommands;
import io.vinyldetective.engine.bot.ChatChannels;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineException;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.pricing.PriceRefreshJob;
import io.vinyldetective.engine.storage.EngineDatabase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import sun.misc.Signal;

/**
 * {@code vinyl-detective run}: the daemon. Opens the database, loads the plugins, assembles the
 * configured pipeline, logs it, opens its chat channels with the engine's commands, drains the
 * alert outbox through its notifiers, and runs until SIGTERM or SIGINT, then stops every plugin and
 * exits 0. A pipeline that cannot be assembled exits 1 with the reason, not a stack trace.
 */
@Command(name = "run", description = "Run the daemon until SIGTERM.")
public class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

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

    @Override
    public Integer call() {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        database.get();
        host.get().problems();
        Pipeline pipeline;
        try {
            pipeline = assembler.get().assemble(settings.get());
        } catch (PipelineException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            return 1;
        }
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        pipeline.notifiers().forEach(stage -> notifiers.put(stage.pluginId(), stage.extension()));
        try (pipeline; ChatChannels channels = new ChatChannels();
             OutboxDrainer drainer = new OutboxDrainer(outbox.get(), notifiers)) {
            LOG.info("Pipeline: {}", pipeline.describe());
            pipeline.oracle().ifPresent(oracle -> priceRefresh.get().start(oracle.extension()));
            if (!pipeline.channels().isEmpty()) {
                channels.open(pipeline.channels(), commands.get());
            }
            LOG.info("Ready in {} ms", Duration.between(processStart(), Instant.now()).toMillis());
            stop.await();
            LOG.info("Stopping");
            priceRefresh.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Stopped");
        return 0;
    }

    private static Instant processStart() {
        return ProcessHandle.current().info().startInstant().orElse(Instant.now());
    }
}
