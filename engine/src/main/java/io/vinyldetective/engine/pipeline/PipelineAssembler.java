package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PipelineExtension;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.engine.catalog.ScopedCatalog;
import io.vinyldetective.engine.logging.SecretMasker;
import io.vinyldetective.engine.plugins.InstalledPlugin;
import io.vinyldetective.engine.plugins.PluginHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Pipeline} that the configuration names out of the installed plugins: for each
 * slot, finds the plugin, creates its extension, validates its settings against the keys it
 * declares, starts it, and wraps it in a {@link PluginGuard}. Anything wrong stops assembly with a
 * {@link PipelineException} naming the plugin, the key and the environment variable that sets it
 * ({@link SettingProblems}); extensions already started are stopped.
 */
public final class PipelineAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineAssembler.class);

    private final PluginHost host;
    private final PluginServices services;

    public PipelineAssembler(PluginHost host, PluginServices services) {
        this.host = host;
        this.services = services;
    }

    /**
     * The whole pipeline, for the daemon: sources, the oracle, matcher tiers, notifiers. With an
     * oracle, the tiers read the catalog through it ({@link PluginServices#readThrough}).
     */
    public Pipeline assemble(PipelineSettings settings) {
        return assemble(settings, true, true);
    }

    /**
     * Only the matcher tiers (and, when {@code online}, the oracle they read through), for commands
     * that match without running the daemon. Offline, no plugin that calls out is started.
     */
    public Pipeline assembleMatchers(PipelineSettings settings, boolean online) {
        return assemble(settings, false, online);
    }

    private Pipeline assemble(PipelineSettings settings, boolean daemon, boolean online) {
        List<Stage<? extends PipelineExtension>> started = new ArrayList<>();
        Map<String, PluginConfig> configs = new LinkedHashMap<>();
        try {
            Catalog plain = services.catalog();
            List<Stage<ListingSource>> sources = daemon
                    ? slot("pipeline.sources", settings.sources(), ListingSource.class, configs, started, plain) : List.of();
            List<Stage<PriceOracle>> oracles = online && !settings.oracle().isEmpty()
                    ? slot("pipeline.oracle", List.of(settings.oracle()), PriceOracle.class, configs, started, plain) : List.of();
            Stage<PriceOracle> oracle = oracles.isEmpty() ? null : oracles.get(0);
            ScopedCatalog matcherCatalog = new ScopedCatalog(oracle == null ? plain : services.readThrough(oracle.extension()));
            List<Stage<MatcherTier>> matchers = slot("pipeline.matchers", settings.matchers(), MatcherTier.class, configs,
                    started, matcherCatalog);
            List<Stage<Notifier>> notifiers = daemon
                    ? slot("pipeline.notifiers", settings.notifiers(), Notifier.class, configs, started, plain) : List.of();
            List<Stage<ChatChannel>> channels = daemon ? channels(settings.notifiers(), configs, started, plain) : List.of();
            return new Pipeline(sources, oracle, matchers, notifiers, channels, matcherCatalog);
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
    }

    private <T extends PipelineExtension> List<Stage<T>> slot(String slotKey, List<String> pluginIds, Class<T> type,
                                                              Map<String, PluginConfig> configs,
                                                              List<Stage<? extends PipelineExtension>> started,
                                                              Catalog catalog) {
        List<Stage<T>> stages = new ArrayList<>();
        for (String pluginId : pluginIds) {
            T extension = create(slotKey, pluginId, type);
            PluginConfig config = configs.computeIfAbsent(pluginId, id -> configure(id, extension));
            startExtension(pluginId, extension, config, catalog);
            T guarded = PluginGuard.wrap(type, pluginId, extension, host.classLoaderOf(pluginId), services.clock());
            Stage<T> stage = new Stage<>(pluginId, guarded);
            started.add(stage);
            stages.add(stage);
        }
        return stages;
    }

    /**
     * The chat channels of the notifier plugins that provide one ({@link ChatChannel} is an optional
     * capability): started with the same settings as the plugin's notifier, guarded, not yet opened.
     */
    private List<Stage<ChatChannel>> channels(List<String> notifierIds, Map<String, PluginConfig> configs,
                                              List<Stage<? extends PipelineExtension>> started, Catalog catalog) {
        List<Stage<ChatChannel>> stages = new ArrayList<>();
        for (String pluginId : notifierIds) {
            List<ChatChannel> found;
            try {
                found = host.newExtensions(ChatChannel.class, pluginId);
            } catch (RuntimeException | LinkageError e) {
                throw new PipelineException("Plugin '" + pluginId + "' named in pipeline.notifiers could not create its "
                        + "ChatChannel: " + e, e);
            }
            if (found.isEmpty()) {
                continue;
            }
            ChatChannel channel = found.get(0);
            PluginConfig config = configs.computeIfAbsent(pluginId, id -> configure(id, channel));
            startExtension(pluginId, channel, config, catalog);
            Stage<ChatChannel> stage = new Stage<>(pluginId,
                    PluginGuard.wrap(ChatChannel.class, pluginId, channel, host.classLoaderOf(pluginId), services.clock()));
            started.add(stage);
            stages.add(stage);
        }
        return stages;
    }

    private <T> T create(String slotKey, String pluginId, Class<T> type) {
        if (!host.isStarted(pluginId)) {
            String why = host.problemOf(pluginId).map(p -> "its jar " + p.file().getFileName() + " was refused: " + p.reason())
                    .orElseGet(() -> "no such plugin in " + host.pluginsDir() + " (installed: " + installedIds() + ")");
            throw new PipelineException("Plugin '" + pluginId + "' named in " + slotKey + " is not available: " + why);
        }
        List<T> extensions;
        try {
            extensions = host.newExtensions(type, pluginId);
        } catch (RuntimeException | LinkageError e) {
            throw new PipelineException("Plugin '" + pluginId + "' named in " + slotKey + " could not create its "
                    + type.getSimpleName() + ": " + e, e);
        }
        if (extensions.isEmpty()) {
            throw new PipelineException("Plugin '" + pluginId + "' named in " + slotKey + " provides no " + type.getSimpleName()
                    + " (it provides: " + providedBy(pluginId) + ")");
        }
        if (extensions.size() > 1) {
            LOG.warn("Plugin '{}' provides {} {} extensions; using {}", pluginId, extensions.size(), type.getSimpleName(),
                    extensions.get(0).getClass().getName());
        }
        return extensions.get(0);
    }

    private PluginConfig configure(String pluginId, PipelineExtension extension) {
        List<ConfigKey> keys = extension.configKeys();
        Map<String, String> raw = rawSettings(pluginId, keys);
        try {
            PluginConfig config = PluginConfig.of(keys, raw);
            SecretMasker.register(config.secretValues());
            return config;
        } catch (PluginException.BadConfiguration e) {
            throw SettingProblems.of(pluginId, e, keys, raw);
        }
    }

    /** The plugin's raw settings, keyed by the names it declares. */
    private Map<String, String> rawSettings(String pluginId, List<ConfigKey> keys) {
        Map<String, String> raw = new LinkedHashMap<>();
        services.rawSettings(pluginId).forEach((k, v) -> raw.put(canonicalKey(k, keys), v));
        return raw;
    }

    /** Environment variables arrive as {@code app.id} where the plugin declared {@code app-id}. */
    private static String canonicalKey(String key, List<ConfigKey> declared) {
        String dashed = key.replace('.', '-');
        for (ConfigKey k : declared) {
            if (k.name().equals(key) || k.name().replace('.', '-').equals(dashed)) {
                return k.name();
            }
        }
        return key;
    }

    private void startExtension(String pluginId, PipelineExtension extension, PluginConfig config, Catalog catalog) {
        EnginePluginContext context = new EnginePluginContext(pluginId, config, services.http(pluginId), catalog,
                services.clock(), services.store(pluginId));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(host.classLoaderOf(pluginId));
        long t0 = System.nanoTime();
        try {
            extension.start(context);
            LOG.debug("Started {} ({}) in {} ms", pluginId, extension.getClass().getSimpleName(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (PluginException.BadConfiguration e) {
            List<ConfigKey> keys = extension.configKeys();
            throw SettingProblems.of(pluginId, e, keys, rawSettings(pluginId, keys));
        } catch (RuntimeException | LinkageError e) {
            throw new PipelineException(SecretMasker.mask("Plugin '" + pluginId + "' failed to start: " + e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private String installedIds() {
        String ids = host.installed().stream().map(InstalledPlugin::id).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "none" : ids;
    }

    private String providedBy(String pluginId) {
        return host.installed().stream().filter(p -> p.id().equals(pluginId)).findFirst()
                .map(p -> p.extensionPoints().isEmpty() ? "nothing" : String.join(", ", p.extensionPoints()))
                .orElse("nothing");
    }

    private static void stopAll(List<Stage<? extends PipelineExtension>> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).extension().stop();
            } catch (RuntimeException e) {
                LOG.warn("Plugin '{}' failed to stop: {}", started.get(i).pluginId(), e.toString());
            }
        }
    }
}
