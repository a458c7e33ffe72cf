package io.vinyldetective.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * What every extension of the pipeline has in common: declared settings and a life cycle.
 *
 * <p><b>Life cycle.</b> The engine creates one instance per configured plugin (no-argument
 * constructor), validates the plugin's configuration subtree against {@link #configKeys()}, calls
 * {@link #start} once, then the extension's own methods, and {@link #stop} once at shut-down.
 *
 * <p><b>Threading.</b> After {@code start} returns, the engine may call an extension from several
 * threads at once; implementations must be thread-safe. {@code start} and {@code stop} are never
 * called concurrently with anything else.
 *
 * <p><b>Errors.</b> Throw {@link PluginException.BadConfiguration} from {@code start} for settings
 * that cannot work (the engine refuses to start and names the key); throw
 * {@link PluginException.RetryLater} when the outside world is unavailable for now;
 * {@link PluginException.BadItem} when one item is malformed (it is logged and skipped). Any other
 * exception is treated as a plugin failure: logged and isolated, never fatal to the engine.
 */
public interface PipelineExtension extends ExtensionPoint {

    /**
     * The settings this extension reads from its configuration subtree ({@code plugins.<id>.*}).
     * Keys set in configuration but not declared here stop start-up, so typos are caught.
     */
    default List<ConfigKey> configKeys() {
        return List.of();
    }

    /**
     * Starts the extension with the context the engine built for its plugin. Validate settings
     * here, but do not touch the network: connect lazily on first use.
     */
    void start(PluginContext context);

    /** Releases resources. Must not throw. */
    default void stop() {
    }
}
