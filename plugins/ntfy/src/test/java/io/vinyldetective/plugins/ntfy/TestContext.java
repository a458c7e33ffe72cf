package io.vinyldetective.plugins.ntfy;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.http.HttpGatewayConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plugin context for tests: settings from a map, the engine's real HTTP gateway (JDK client, short timeouts). */
record TestContext(PluginConfig config, HttpGateway http) implements PluginContext {

    static final HttpGatewayConfiguration GATEWAY = new HttpGatewayConfiguration(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMinutes(10),
            1024L * 1024, null);

    static TestContext of(List<ConfigKey> keys, Map<String, String> settings) {
        return new TestContext(PluginConfig.of(keys, settings), new EngineHttpGateway(GATEWAY).forPlugin("test"));
    }

    @Override
    public String pluginId() {
        return "ntfy";
    }

    @Override
    public Catalog catalog() {
        return Catalog.empty();
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("plugin.ntfy");
    }
}
