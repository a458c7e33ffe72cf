package io.vinyldetective.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.vinyldetective.engine.config.EnvironmentNames.Variable;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentNamesTest {

    @Test
    void aPropertyIsNamedByTheContractElseByMicronautsConvention() {
        assertEquals("TELEGRAM_TOKEN", EnvironmentNames.of("plugins.telegram.token"));
        assertEquals("EBAY_CERT_ID", EnvironmentNames.of("plugins.ebay.cert-id"));
        assertEquals("POLL_INTERVAL", EnvironmentNames.of("vinyl-detective.bot.poll-interval"));
        assertEquals("PLUGINS_MATCH_FUZZY_MIN_SCORE", EnvironmentNames.of("plugins.match-fuzzy.min-score"));
        assertEquals("PLUGINS_EBAY_DAILY_CALL_LIMIT", EnvironmentNames.of("plugins.ebay.daily-call-limit"));
    }

    /** Each variable reaches its property: application.yml reads it, or Micronaut's own mapping does. */
    @Test
    void everyContractVariableSetsItsPropertyInApplicationYml() throws Exception {
        Map<String, Object> yml;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            yml = new YamlPropertySourceLoader().read("application", in);
        }
        for (Variable v : EnvironmentNames.contract()) {
            Object value = yml.get(v.property());
            boolean placeholder = value != null && value.toString().startsWith("${" + v.name() + ":");
            assertTrue(placeholder || EnvironmentNames.convention(v.property()).equals(v.name()),
                    v.name() + " does not set " + v.property() + " (application.yml has " + value + ")");
        }
    }

    @Test
    void theEnvExampleOfTheInstallableListsEveryVariable() throws Exception {
        Path example = Path.of("..", "dist", "src", "dist", ".env.example");
        String text = Files.readString(example);
        for (Variable v : EnvironmentNames.contract()) {
            assertTrue(text.contains(v.name() + "="), v.name() + " is missing from " + example);
        }
        assertTrue(text.contains("JAVA_OPTS="), "JAVA_OPTS is missing from " + example);
    }
}
