package io.vinyldetective.plugins.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built plugin jar (run by Failsafe after {@code package}): Jakarta Mail and the Angus SMTP provider
 * inside it, neither the API nor PF4J. That it mails from its own class loader is shown by the
 * distribution's end-to-end test ({@code NotifiersIT}), in a daemon whose class path is the installed
 * {@code lib/}: here GreenMail puts a second Jakarta Mail on the class path, whose service files PF4J
 * would hand the plugin too.
 */
class PluginJarIT {

    private static Path builtJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("plugin-email-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("original"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run after package: no plugin jar in target/"));
        }
    }

    @Test
    void theJarCarriesSmtpButNeitherTheApiNorPf4j() throws IOException {
        try (JarFile jar = new JarFile(builtJar().toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("io/vinyldetective/api/")), "plugin-api inside");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/pf4j/")), "pf4j inside");
            assertTrue(names.contains("jakarta/mail/Transport.class"));
            assertTrue(names.contains("org/eclipse/angus/mail/smtp/SMTPTransport.class"));
            assertTrue(names.contains("META-INF/javamail.providers"));
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/eclipse/angus/mail/imap/")), "IMAP is not needed");
            assertEquals("email", jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
        }
    }
}
