package io.vinyldetective.engine.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars for tests: compiles Java sources against the test class path (plugin-api
 * and PF4J on it), writes the PF4J manifest and the extension index, and packs a jar.
 */
public final class PluginJarBuilder {

    private final String pluginId;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private String requires = "^1.0.0";
    private String version = "1.0.0";

    private PluginJarBuilder(String pluginId) {
        this.pluginId = pluginId;
    }

    public static PluginJarBuilder plugin(String pluginId) {
        return new PluginJarBuilder(pluginId);
    }

    /** Adds a class; {@code extension} lists it in the PF4J extension index. */
    public PluginJarBuilder source(String className, String code, boolean extension) {
        sources.put(className, code);
        if (extension) {
            extensions.add(className);
        }
        return this;
    }

    public PluginJarBuilder requires(String apiRange) {
        this.requires = apiRange;
        return this;
    }

    public PluginJarBuilder version(String pluginVersion) {
        this.version = pluginVersion;
        return this;
    }

    /** Compiles and writes {@code <dir>/<pluginId>-<version>.jar}. */
    public Path buildInto(Path dir) throws IOException {
        Path work = Files.createTempDirectory("plugin-src-");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = work.resolve("src").resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, System.err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test plugin sources do not compile");
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", pluginId);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Description", "test plugin " + pluginId);
        if (requires != null) {
            main.putValue("Plugin-Requires", requires);
        }
        Files.createDirectories(dir);
        Path jar = dir.resolve(pluginId + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            write(out, String.join("\n", extensions) + "\n");
            out.closeEntry();
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A notifier plugin: requires setting {@code greeting}; "bad" fails start; recipient "boom" throws. */
    public static PluginJarBuilder greeterNotifier(String pluginId) {
        String pkg = "test." + pluginId.replace('-', '_');
        return plugin(pluginId).source(pkg + ".GreeterNotifier", """
                package %s;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class GreeterNotifier implements Notifier {
                    private String greeting;

                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.required("greeting", ConfigKey.Type.STRING, "What to say."),
                                new ConfigKey("token", ConfigKey.Type.STRING, null, false, true, "A secret."));
                    }

                    public void start(PluginContext context) {
                        greeting = context.config().string("greeting");
                        if (greeting.equals("bad")) {
                            throw new PluginException.BadConfiguration("greeting", "greeting must not be bad");
                        }
                    }

                    public Delivery deliver(Alert alert) {
                        if (alert.recipient().equals("boom")) {
                            throw new IllegalStateException("bug in the plugin");
                        }
                        return Delivery.delivered();
                    }

                    public String toString() {
                        return greeting;
                    }
                }
                """.formatted(pkg), true);
    }
}
