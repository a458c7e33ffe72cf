package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.http.HttpGatewayConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link PluginContext} for tests: the engine's real HTTP gateway (JDK client, short backoff),
 * settings from a plain map, an empty catalog. Records every call the plugin hands the gateway.
 */
final class TestContext implements PluginContext {

    /** The engine gateway's defaults, with backoff shortened so retries do not slow the tests. */
    static final HttpGatewayConfiguration GATEWAY = new HttpGatewayConfiguration(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 10, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(60),
            8L * 1024 * 1024, null);

    private final PluginConfig config;
    private final HttpGateway http;
    private final Clock clock;
    final List<HttpCall> calls = new CopyOnWriteArrayList<>();
    final List<String> limits = new CopyOnWriteArrayList<>();

    TestContext(List<io.vinyldetective.api.ConfigKey> keys, Map<String, String> settings, Clock clock) {
        this.config = PluginConfig.of(keys, settings);
        this.clock = clock;
        HttpGateway engine = new EngineHttpGateway(GATEWAY).forPlugin("discogs");
        this.http = new HttpGateway() {
            @Override
            public HttpReply send(HttpCall call) {
                calls.add(call);
                return engine.send(call);
            }

            @Override
            public void limitRate(String host, int requests, Duration per) {
                limits.add(host + " " + requests + "/" + per.toMillis() + "ms");
                engine.limitRate(host, requests, per);
            }
        };
    }

    /** Settings for a fake at {@code baseUrl}, plus {@code more}. */
    static Map<String, String> settings(String baseUrl, String... more) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("token", FakeDiscogs.TOKEN);
        m.put("base-url", baseUrl);
        for (int i = 0; i + 1 < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    @Override
    public String pluginId() {
        return "discogs";
    }

    @Override
    public PluginConfig config() {
        return config;
    }

    @Override
    public HttpGateway http() {
        return http;
    }

    @Override
    public Catalog catalog() {
        return Catalog.empty();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("plugin.discogs");
    }
}
