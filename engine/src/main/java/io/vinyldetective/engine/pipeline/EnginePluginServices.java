package io.vinyldetective.engine.pipeline;

import io.micronaut.context.env.Environment;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.catalog.ReadThroughCatalog;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.SqlPluginStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link PluginServices} from the Micronaut environment and the engine's beans. */
@Singleton
public class EnginePluginServices implements PluginServices {

    private final Environment environment;
    private final EngineHttpGateway http;
    private final CatalogStore catalog;
    private final Clock clock;
    private final EngineDatabase database;
    private final Map<String, PluginStore> stores = new ConcurrentHashMap<>();

    public EnginePluginServices(Environment environment, EngineHttpGateway http, CatalogStore catalog, Clock clock,
                                EngineDatabase database) {
        this.environment = environment;
        this.http = http;
        this.catalog = catalog;
        this.clock = clock;
        this.database = database;
    }

    @Override
    public Map<String, String> rawSettings(String pluginId) {
        return rawSettings(environment, pluginId);
    }

    /** The raw settings under {@code plugins.<pluginId>.*} of a configuration, list values joined with commas. */
    public static Map<String, String> rawSettings(Environment environment, String pluginId) {
        Map<String, String> raw = new LinkedHashMap<>();
        environment.getProperties("plugins." + pluginId).forEach((key, value) -> {
            if (value != null) {
                raw.put(key, value instanceof Collection<?> c
                        ? c.stream().map(String::valueOf).collect(Collectors.joining(","))
                        : String.valueOf(value));
            }
        });
        return raw;
    }

    @Override
    public HttpGateway http(String pluginId) {
        return http.forPlugin(pluginId);
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Catalog readThrough(PriceOracle oracle) {
        return new ReadThroughCatalog(catalog, oracle);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PluginStore store(String pluginId) {
        return stores.computeIfAbsent(pluginId, id -> new SqlPluginStore(database.dataSource(), id, clock));
    }
}
