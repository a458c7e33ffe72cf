package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PipelineExtension;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A {@link PluginContext} for matcher tests: a catalog, settings from a plain map, no network. */
public record TestContext(String pluginId, PluginConfig config, Catalog catalog) implements PluginContext {

    /** Starts the extension with its declared settings parsed from {@code settings} (defaults otherwise). */
    public static <T extends PipelineExtension> T start(T extension, Catalog catalog, Map<String, String> settings) {
        List<ConfigKey> keys = extension.configKeys();
        extension.start(new TestContext(extension.getClass().getSimpleName(), PluginConfig.of(keys, settings), catalog));
        return extension;
    }

    public static <T extends PipelineExtension> T start(T extension, Catalog catalog) {
        return start(extension, catalog, Map.of());
    }

    @Override
    public HttpGateway http() {
        throw new UnsupportedOperationException("matchers do not use HTTP");
    }

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("test." + pluginId);
    }
}
