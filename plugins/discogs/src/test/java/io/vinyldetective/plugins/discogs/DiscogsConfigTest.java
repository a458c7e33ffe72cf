package io.vinyldetective.plugins.discogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings the plugin declares, their defaults, and the start-up errors that name a key. */
class DiscogsConfigTest {

    private final DiscogsPriceOracle oracle = new DiscogsPriceOracle();

    @Test
    void declaresItsKeysWithDefaultsAndTheTokenAsASecret() {
        List<ConfigKey> keys = oracle.configKeys();

        assertEquals(List.of("token", "base-url", "requests-per-minute", "negative-cache", "search-cache"),
                keys.stream().map(ConfigKey::name).toList());
        assertTrue(keys.get(0).secret() && keys.get(0).required());
        assertEquals(1, keys.stream().filter(ConfigKey::secret).count());
        PluginConfig config = PluginConfig.of(keys, Map.of("token", "abc"));
        assertEquals("https://api.discogs.com", config.string("base-url"));
        assertEquals(50, config.integer("requests-per-minute"));
        assertEquals(Duration.ofDays(1), config.duration("negative-cache"));
        assertEquals(Duration.ofMinutes(10), config.duration("search-cache"));
        assertFalse(config.toString().contains("abc"));
    }

    @Test
    void startsWithoutTouchingTheNetworkAndSetsTheRateLimit() {
        TestContext context = new TestContext(oracle.configKeys(),
                Map.of("token", "abc", "base-url", "http://127.0.0.1:9/api/"), Clock.systemUTC());

        oracle.start(context);

        assertEquals(List.of("127.0.0.1 50/63000ms"), context.limits);
        assertTrue(context.calls.isEmpty());
        assertTrue(oracle.budget().isEmpty());
    }

    @Test
    void aMissingTokenStopsStartUpNamingTheKey() {
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> PluginConfig.of(oracle.configKeys(), Map.of("token", " ")));

        assertEquals("token", e.key());
    }

    @Test
    void badSettingsStopStartUpNamingTheKey() {
        assertEquals("requests-per-minute", startWith("requests-per-minute", "61").key());
        assertEquals("requests-per-minute", startWith("requests-per-minute", "0").key());
        assertEquals("base-url", startWith("base-url", "ftp://api.discogs.com").key());
        assertEquals("base-url", startWith("base-url", "api.discogs.com").key());
        assertEquals("negative-cache", startWith("negative-cache", "-PT1H").key());
        PluginException.BadConfiguration token = startWith("token", "has space");
        assertEquals("token", token.key());
        assertFalse(token.getMessage().contains("has space"));
    }

    private PluginException.BadConfiguration startWith(String key, String value) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("token", "abc"));
        settings.put(key, value);
        return assertThrows(PluginException.BadConfiguration.class,
                () -> oracle.start(new TestContext(oracle.configKeys(), settings, Clock.systemUTC())));
    }

    @Test
    void theUserAgentNamesProductAndVersion() {
        assertTrue(DiscogsPriceOracle.userAgent().matches("VinylDetective/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(discogs plugin\\)"),
                DiscogsPriceOracle.userAgent());
    }
}
