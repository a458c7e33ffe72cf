package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import java.time.Clock;
import java.util.Map;

/**
 * What the assembler needs from the engine besides the plugins: each plugin's raw settings and
 * the services every plugin context shares.
 */
public interface PluginServices {

    /** The raw settings under {@code plugins.<pluginId>.*}, keys relative to that prefix. */
    Map<String, String> rawSettings(String pluginId);

    HttpGateway http();

    Catalog catalog();

    Clock clock();
}
