package io.vinyldetective.engine.plugins;

import io.vinyldetective.api.ApiVersion;
import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PipelineExtension;
import io.vinyldetective.api.PriceOracle;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.VersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugin jars in the plugins folder, vets each one (readable, a plugin, built for this
 * engine's plugin API major version, not a duplicate), loads the good ones with PF4J and reports
 * the others with a reason a user can act on. A bad jar never stops the others from loading.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** The extension points the engine knows, in pipeline order. */
    public static final List<Class<? extends PipelineExtension>> EXTENSION_POINTS =
            List.of(ListingSource.class, MatcherTier.class, PriceOracle.class, Notifier.class, ChatChannel.class);

    private final Path pluginsDir;
    private final VersionManager versions = new DefaultVersionManager();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Map<String, Path> vetted = new LinkedHashMap<>();
    private DefaultPluginManager manager;

    public PluginHost(Path pluginsDir) {
        this.pluginsDir = pluginsDir.toAbsolutePath().normalize();
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    /** Vets and loads every jar in the plugins folder. Idempotent. */
    public synchronized void load() {
        if (manager != null) {
            return;
        }
        vetJars();
        List<Path> accepted = List.copyOf(vetted.values());
        manager = new DefaultPluginManager(pluginsDir) {
            @Override
            protected PluginRepository createPluginRepository() {
                return new VettedRepository(accepted);
            }
        };
        // PF4J checks Plugin-Requires only when the system version is set; vetJars() checked it already.
        manager.setSystemVersion(ApiVersion.CURRENT);
        manager.loadPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() == PluginState.RESOLVED) {
                manager.startPlugin(plugin.getPluginId());
            }
        }
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                Throwable failure = plugin.getFailedException();
                problems.add(new PluginProblem(plugin.getPluginPath(), plugin.getPluginId(),
                        "could not be started (" + plugin.getPluginState().toString().toLowerCase()
                                + (failure == null ? "" : ": " + failure.getMessage()) + ")"));
            }
        }
        for (Path path : accepted) {
            if (manager.getPlugins().stream().noneMatch(p -> path.equals(p.getPluginPath()))) {
                problems.add(new PluginProblem(path, null, "PF4J could not load it (see the log above)"));
            }
        }
        for (PluginProblem problem : problems) {
            LOG.warn("Plugin refused: {}", problem);
        }
        if (LOG.isDebugEnabled()) {
            // Listing extension points loads every extension class (and what it links to): debug only.
            for (PluginWrapper plugin : manager.getStartedPlugins()) {
                LOG.debug("Plugin loaded: {} {} ({})", plugin.getPluginId(), plugin.getDescriptor().getVersion(),
                        String.join(", ", extensionPointsOf(plugin.getPluginId())));
            }
        }
    }

    /** The plugins that loaded and started. */
    public synchronized List<InstalledPlugin> installed() {
        load();
        List<InstalledPlugin> result = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            result.add(new InstalledPlugin(plugin.getPluginId(), plugin.getDescriptor().getVersion(),
                    plugin.getDescriptor().getRequires(), plugin.getDescriptor().getPluginDescription(),
                    plugin.getPluginPath(), plugin.getPluginState().toString(), extensionPointsOf(plugin.getPluginId())));
        }
        result.sort(java.util.Comparator.comparing(InstalledPlugin::id));
        return result;
    }

    /** The jars that were not loaded, with the reason. */
    public synchronized List<PluginProblem> problems() {
        load();
        return Collections.unmodifiableList(problems);
    }

    /** Why a plugin id is not available, if some jar with that id was refused. */
    public synchronized Optional<PluginProblem> problemOf(String pluginId) {
        load();
        return problems.stream().filter(p -> pluginId.equals(p.pluginId())).findFirst();
    }

    public synchronized boolean isStarted(String pluginId) {
        load();
        PluginWrapper plugin = manager.getPlugin(pluginId);
        return plugin != null && plugin.getPluginState() == PluginState.STARTED;
    }

    /**
     * New instances of the extensions of a type that a plugin provides (usually one).
     *
     * @throws IllegalStateException when an extension class cannot be instantiated
     */
    public synchronized <T> List<T> newExtensions(Class<T> type, String pluginId) {
        load();
        return manager.getExtensions(type, pluginId);
    }

    /** The class loader of a started plugin, so calls into it can run with it as context class loader. */
    public synchronized ClassLoader classLoaderOf(String pluginId) {
        load();
        PluginWrapper plugin = manager.getPlugin(pluginId);
        return plugin == null ? null : plugin.getPluginClassLoader();
    }

    private List<String> extensionPointsOf(String pluginId) {
        List<String> names = new ArrayList<>();
        for (Class<? extends PipelineExtension> point : EXTENSION_POINTS) {
            if (!manager.getExtensionClasses(point, pluginId).isEmpty()) {
                names.add(point.getSimpleName());
            }
        }
        return names;
    }

    private void vetJars() {
        if (!Files.isDirectory(pluginsDir)) {
            LOG.warn("Plugins folder {} does not exist: no plugins loaded", pluginsDir);
            return;
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(pluginsDir, "*.jar")) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            problems.add(new PluginProblem(pluginsDir, null, "cannot list the plugins folder: " + e.getMessage()));
            return;
        }
        Collections.sort(jars);
        for (Path jar : jars) {
            vet(jar);
        }
    }

    private void vet(Path jar) {
        Manifest manifest;
        boolean bundlesApi;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
            bundlesApi = file.getEntry("io/vinyldetective/api/PipelineExtension.class") != null;
        } catch (IOException | SecurityException e) {
            problems.add(new PluginProblem(jar, null, "is not a readable jar (" + e.getMessage()
                    + "): replace it with a fresh copy of the plugin"));
            return;
        }
        Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String id = attributes.getValue("Plugin-Id");
        if (id == null || id.isBlank()) {
            problems.add(new PluginProblem(jar, null, "has no Plugin-Id in its manifest: not a Vinyl Detective plugin"));
            return;
        }
        String requires = attributes.getValue("Plugin-Requires");
        if (requires == null || requires.isBlank() || requires.strip().equals("*")) {
            problems.add(new PluginProblem(jar, id, "does not say which plugin API it was built for (Plugin-Requires);"
                    + " rebuild it against plugin API " + ApiVersion.CURRENT));
            return;
        }
        if (!apiSatisfies(requires)) {
            problems.add(new PluginProblem(jar, id, "was built for plugin API " + requires.strip() + ", but this engine provides "
                    + ApiVersion.CURRENT + ": install a version of '" + id + "' built for plugin API " + ApiVersion.major() + ".x"));
            return;
        }
        if (bundlesApi) {
            problems.add(new PluginProblem(jar, id, "contains the plugin API classes itself; its build must use plugin-api in"
                    + " 'provided' scope"));
            return;
        }
        Path other = vetted.putIfAbsent(id, jar);
        if (other != null) {
            problems.add(new PluginProblem(jar, id, "has the same plugin id as " + other.getFileName() + "; remove one of them"));
        }
    }

    private boolean apiSatisfies(String requires) {
        try {
            return versions.checkVersionConstraint(ApiVersion.CURRENT, requires.strip())
                    && ApiVersion.majorOf(requires) == ApiVersion.major();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stops the plugins one by one (PF4J's bulk stop misbehaves with several plugins). */
    @Override
    public synchronized void close() {
        if (manager == null) {
            return;
        }
        for (PluginWrapper plugin : new ArrayList<>(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                LOG.warn("Plugin '{}' did not stop cleanly: {}", plugin.getPluginId(), e.toString());
            }
        }
        manager.unloadPlugins();
    }
}
