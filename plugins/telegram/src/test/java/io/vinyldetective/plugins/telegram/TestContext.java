package io.vinyldetective.plugins.telegram;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import java.time.Clock;
import java.util.Map;

/** A plugin context for tests: the plugin's settings validated from a map, nothing else. */
record TestContext(PluginConfig config) implements PluginContext {

    static TestContext of(Map<String, String> settings) {
        return new TestContext(PluginConfig.of(TelegramSettings.KEYS, settings));
    }

    static TestContext pointingAt(FakeBotApi api) {
        return of(Map.of("token", FakeBotApiTokens.TOKEN, "base-url", api.baseUrl()));
    }

    @Override
    public String pluginId() {
        return "telegram";
    }

    @Override
    public HttpGateway http() {
        throw new UnsupportedOperationException("the telegram plugin talks through telegrambots");
    }

    @Override
    public Catalog catalog() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("telegram-test");
    }
}
