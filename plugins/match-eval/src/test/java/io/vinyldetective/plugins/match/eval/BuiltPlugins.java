package io.vinyldetective.plugins.match.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Plugin jars as the build made them ({@code plugins/<module>/target/<module>-<version>.jar}, or
 * {@code plugin-<module>-<version>.jar}), copied into a plugins folder for the engine's plugin host.
 * The reactor builds them before this module ({@code mvn verify}); with {@code mvn test} run
 * {@code mvn install -DskipTests} first.
 */
final class BuiltPlugins {

    static final List<String> TIERS = List.of("match-catalog", "match-barcode", "match-fuzzy");

    private BuiltPlugins() {
    }

    /** Copies the tier jars into {@code folder} (created) and returns it. */
    static Path copyInto(Path folder) {
        return copyInto(Path.of("..").toAbsolutePath().normalize(), folder, TIERS);
    }

    /** Copies the jars of these plugin modules ({@code ebay}, {@code match-fuzzy}, ...) into {@code folder}. */
    static Path copyInto(Path folder, List<String> modules) {
        return copyInto(Path.of("..").toAbsolutePath().normalize(), folder, modules);
    }

    static Path copyInto(Path pluginsModules, Path folder, List<String> modules) {
        try {
            Files.createDirectories(folder);
            List<String> missing = new ArrayList<>();
            for (String module : modules) {
                Path target = pluginsModules.resolve(module).resolve("target");
                Path jar = jarOf(target, module);
                if (jar == null) {
                    jar = jarOf(target, "plugin-" + module);
                }
                if (jar == null) {
                    missing.add(module);
                    continue;
                }
                Path classes = pluginsModules.resolve(module).resolve("target/classes");
                if (Files.isDirectory(classes) && Files.getLastModifiedTime(classes).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                    System.err.println("warning: " + jar + " is older than its classes; run mvn install -DskipTests");
                }
                Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("no built jar for " + missing + " under " + pluginsModules
                        + "; build them first (mvn -B -q install -DskipTests)");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jarOf(Path target, String module) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.startsWith("original-")) {
                    return jar;
                }
            }
        }
        return null;
    }
}
