package io.vinyldetective.engine.pipeline;

import io.micronaut.context.env.Environment;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.engine.http.EngineHttpGateway;
import java.time.Clock;
import java.util.Map;

/**
 * What commands that only check whether the pipeline starts ({@code doctor}, {@code plugins}) start it
 * with: the real settings, HTTP gateway and clock, but an empty catalog and a throwaway store per
 * plugin, so checking never creates, migrates or writes the database (they may run as another user
 * than the service, or before {@code DATA_DIR} exists).
 */
public final class StartCheckServices implements PluginServices {

    private final Environment environment;
    private final EngineHttpGateway http;
    private final Clock clock;

    public StartCheckServices(Environment environment, EngineHttpGateway http, Clock clock) {
        this.environment = environment;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Map<String, String> rawSettings(String pluginId) {
        return EnginePluginServices.rawSettings(environment, pluginId);
    }

    @Override
    public HttpGateway http(String pluginId) {
        return http.forPlugin(pluginId);
    }

    @Override
    public Catalog catalog() {
        return Catalog.empty(); // plugins started for the check are stopped before they match anything
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PluginStore store(String pluginId) {
        return PluginStore.inMemory();
    }
}
