package io.vinyldetective.engine.doctor;

import io.micronaut.context.env.Environment;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.pipeline.EnginePluginServices;
import io.vinyldetective.engine.pipeline.PluginServices;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the doctor's plugins check starts the pipeline with: the real settings, HTTP gateway and clock,
 * but an empty catalog and a throwaway store per plugin, so checking that the plugins start never
 * creates, migrates or writes the database (the doctor may run as another user than the service, or
 * before {@code DATA_DIR} exists).
 */
final class StartCheckServices implements PluginServices {

    private final Environment environment;
    private final EngineHttpGateway http;
    private final Clock clock;

    StartCheckServices(Environment environment, EngineHttpGateway http, Clock clock) {
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
        return EmptyCatalog.INSTANCE;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PluginStore store(String pluginId) {
        return PluginStore.inMemory();
    }

    /** A catalog that holds nothing: plugins started for the check are stopped before they match anything. */
    private enum EmptyCatalog implements Catalog {
        INSTANCE;

        @Override
        public Optional<Release> release(long id) {
            return Optional.empty();
        }

        @Override
        public List<Release> byCatalogNumber(String catalogNumber) {
            return List.of();
        }

        @Override
        public List<Release> byBarcode(String barcode) {
            return List.of();
        }

        @Override
        public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
            return List.of();
        }

        @Override
        public long size() {
            return 0;
        }
    }
}
