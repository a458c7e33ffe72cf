package io.vinyldetective.api;

import java.time.Clock;

/**
 * What the engine hands each plugin in {@link PipelineExtension#start}: its settings and the
 * engine-owned services through which it reaches the outside world. Implemented by the engine;
 * tests may implement it with fakes.
 */
public interface PluginContext {

    /** The plugin's id, e.g. {@code ebay}. */
    String pluginId();

    /** The plugin's validated settings. */
    PluginConfig config();

    /** HTTP with timeouts, retries, per-host rate limits and a response cache. */
    HttpGateway http();

    /** Read access to the release catalog. */
    Catalog catalog();

    /** The clock to use for every time decision (tests control it). */
    Clock clock();

    /** A logger named after the plugin. Never log secrets. */
    System.Logger logger();

    /**
     * The plugin's durable key-value store (call budgets, markers). The engine overrides this with
     * a store in its database. This default, for contexts built by tests and tools, keeps one
     * in-memory store per context instance, lost at exit.
     *
     * @since 1.1.0
     */
    default PluginStore store() {
        return TransientStores.of(this);
    }
}

