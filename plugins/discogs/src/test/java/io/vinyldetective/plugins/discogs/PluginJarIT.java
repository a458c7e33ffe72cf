package io.vinyldetective.plugins.discogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.plugins.InstalledPlugin;
import io.vinyldetective.engine.plugins.PluginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built plugin jar (run by Failsafe after {@code package}): loaded by the engine's PluginHost, its
 * extension found, started, and answering through its shaded JSON parser in its own class loader.
 */
class PluginJarIT {

    @TempDir
    Path plugins;

    private static Path builtJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("plugin-discogs-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("original"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run after package: no plugin jar in target/"));
        }
    }

    @Test
    void theJarCarriesItsParserRelocatedAndNeitherTheApiNorPf4j() throws IOException {
        try (JarFile jar = new JarFile(builtJar().toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();

            assertTrue(names.stream().noneMatch(n -> n.startsWith("io/vinyldetective/api/")), "plugin-api inside");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/pf4j/")), "pf4j inside");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/fasterxml/")), "jackson not relocated");
            assertTrue(names.contains("io/vinyldetective/plugins/discogs/shaded/jackson/jr/ob/JSON.class"));
            assertTrue(names.contains("META-INF/extensions.idx"));
            assertEquals("discogs", jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
        }
    }

    @Test
    void theEngineLoadsItAndItAnswersFromItsOwnClassLoader() throws Exception {
        Files.copy(builtJar(), plugins.resolve("plugin-discogs.jar"));
        try (PluginHost host = new PluginHost(plugins); FakeDiscogs fake = FakeDiscogs.start()) {
            List<InstalledPlugin> installed = host.installed();
            assertEquals(List.of("discogs"), installed.stream().map(InstalledPlugin::id).toList(), host.problems()::toString);
            assertEquals(List.of("PriceOracle"), installed.get(0).extensionPoints());

            List<PriceOracle> oracles = host.newExtensions(PriceOracle.class, "discogs");
            assertEquals(1, oracles.size());
            PriceOracle oracle = oracles.get(0);
            assertNotSame(DiscogsPriceOracle.class, oracle.getClass(), "loaded by the plugin's class loader");
            assertNotNull(host.classLoaderOf("discogs"));
            oracle.start(new TestContext(oracle.configKeys(), TestContext.settings(fake.baseUrl()), Clock.systemUTC()));

            List<Release> releases = oracle.releasesByCatalogNumber("APW-2", Urgency.LOOKUP);

            assertEquals(2, releases.size());
            assertEquals(9, oracle.prices(249504, "USD", Urgency.LIVE).size());
        }
    }
}
