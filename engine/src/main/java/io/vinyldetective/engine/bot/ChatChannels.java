package io.vinyldetective.engine.bot;

import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ChatHandler;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.DaemonThreads;
import io.vinyldetective.engine.pipeline.Stage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the pipeline's chat channels with the engine's command handler. A channel whose service
 * cannot be reached yet ({@link PluginException.RetryLater}, e.g. no network at boot) is tried again
 * later, with growing pauses, without holding up the daemon; any other failure is logged and that
 * channel stays closed while the rest of the daemon runs.
 */
public final class ChatChannels implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ChatChannels.class);

    private final ScheduledExecutorService retries = DaemonThreads.scheduled("chat-channels");
    private final Duration firstRetry;

    public ChatChannels() {
        this(FIRST_RETRY);
    }

    ChatChannels(Duration firstRetry) {
        this.firstRetry = firstRetry;
    }

    /** Opens every channel (now, or later in the background when its service is unreachable). */
    public void open(List<Stage<ChatChannel>> channels, ChatHandler handler) {
        for (Stage<ChatChannel> stage : channels) {
            retries.execute(() -> attempt(stage, handler, firstRetry));
        }
    }

    private void attempt(Stage<ChatChannel> stage, ChatHandler handler, Duration pause) {
        try {
            stage.extension().open(handler);
            LOG.info("Chat channel '{}' open", stage.pluginId());
        } catch (PluginException.RetryLater e) {
            Duration wait = e.after() != null ? e.after() : pause;
            LOG.warn("Chat channel '{}' cannot open yet ({}); retrying in {}s", stage.pluginId(), e.getMessage(),
                    wait.toSeconds());
            Duration next = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
            if (!retries.isShutdown()) {
                retries.schedule(() -> attempt(stage, handler, next), wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.error("Chat channel '{}' failed to open and stays closed: {}", stage.pluginId(), e.toString());
        }
    }

    /** Stops retrying; the channels themselves are stopped with the pipeline. */
    @Override
    public void close() {
        retries.shutdownNow();
    }
}
