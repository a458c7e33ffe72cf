package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.api.PriceOracle;
import java.time.Clock;
import java.util.Map;

/**
 * What the assembler needs from the engine besides the plugins: each plugin's raw settings and
 * the services every plugin context shares.
 */
public interface PluginServices {

    /** The raw settings under {@code plugins.<pluginId>.*}, keys relative to that prefix. */
    Map<String, String> rawSettings(String pluginId);

    /** The HTTP gateway as the plugin sees it (shared cache and limits; log lines name the plugin). */
    HttpGateway http(String pluginId);

    Catalog catalog();

    /**
     * The catalog matcher tiers see when a price oracle is configured and the engine runs online:
     * the local catalog, filled from the oracle on a miss. By default, the plain {@link #catalog()}.
     */
    default Catalog readThrough(PriceOracle oracle) {
        return catalog();
    }

    Clock clock();

    /** The plugin's durable key-value store, kept in the engine database under its id. */
    PluginStore store(String pluginId);
}
