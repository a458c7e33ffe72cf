package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginStore;
import java.time.Clock;

/** The engine's {@link PluginContext}: engine services shared by all plugins, settings per plugin. */
record EnginePluginContext(String pluginId, PluginConfig config, HttpGateway http, Catalog catalog, Clock clock,
                           PluginStore store) implements PluginContext {

    @Override
    public System.Logger logger() {
        return System.getLogger("plugin." + pluginId);
    }
}
