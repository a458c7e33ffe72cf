package io.vinyldetective.plugins.email;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A plugin context for tests: the plugin's settings validated from a map, a fixed clock, no HTTP (SMTP is not HTTP). */
record TestContext(PluginConfig config) implements PluginContext {

    static TestContext of(Map<String, String> settings) {
        return new TestContext(PluginConfig.of(EmailSettings.KEYS, settings));
    }

    @Override
    public String pluginId() {
        return "email";
    }

    @Override
    public HttpGateway http() {
        throw new UnsupportedOperationException("the email plugin speaks SMTP");
    }

    @Override
    public Catalog catalog() {
        return Catalog.empty();
    }

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("plugin.email");
    }
}
