package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginConfigTest {

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.secret("token", "API token."),
            ConfigKey.optional("requests-per-minute", ConfigKey.Type.INT, "55", "Request limit."),
            ConfigKey.optional("poll", ConfigKey.Type.DURATION, "30m", "Poll interval."),
            ConfigKey.optional("threshold", ConfigKey.Type.DECIMAL, "0.25", "Deal threshold."),
            ConfigKey.optional("auctions", ConfigKey.Type.BOOLEAN, "false", "Include auctions."),
            ConfigKey.optional("chats", ConfigKey.Type.LIST, null, "Allowed chats."));

    @Test
    void parsesValuesAndAppliesDefaults() {
        PluginConfig config = PluginConfig.of(KEYS, Map.of("token", "abcdef123456", "poll", "3s", "chats", "1, 2,,3"));

        assertEquals("abcdef123456", config.string("token"));
        assertEquals(55, config.integer("requests-per-minute"));
        assertEquals(Duration.ofSeconds(3), config.duration("poll"));
        assertEquals(new BigDecimal("0.25"), config.decimal("threshold"));
        assertFalse(config.bool("auctions"));
        assertEquals(List.of("1", "2", "3"), config.list("chats"));
    }

    @Test
    void durationsTakeShortAndIsoForms() {
        assertEquals(Duration.ofMillis(500), ConfigKey.Type.DURATION.parse("k", "500ms"));
        assertEquals(Duration.ofHours(2), ConfigKey.Type.DURATION.parse("k", "2h"));
        assertEquals(Duration.ofDays(7), ConfigKey.Type.DURATION.parse("k", "7d"));
        assertEquals(Duration.ofMinutes(30), ConfigKey.Type.DURATION.parse("k", "PT30M"));
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> PluginConfig.of(KEYS, Map.of()));
        assertEquals("token", e.key());
    }

    @Test
    void anUnknownKeyIsNamed() {
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> PluginConfig.of(KEYS, Map.of("token", "abcdef123456", "tokn", "x")));
        assertEquals("tokn", e.key());
        assertTrue(e.getMessage().contains("known: token"), e.getMessage());
    }

    @Test
    void aMalformedValueIsNamedAndExplained() {
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> PluginConfig.of(KEYS, Map.of("token", "abcdef123456", "poll", "often")));
        assertEquals("poll", e.key());
        assertTrue(e.getMessage().contains("a duration such as 30s"), e.getMessage());
    }

    @Test
    void secretsAreMaskedInTextAndListedForTheEngine() {
        PluginConfig config = PluginConfig.of(KEYS, Map.of("token", "abcdef123456"));

        assertFalse(config.toString().contains("abcdef123456"), config.toString());
        assertTrue(config.toString().contains("token=****"));
        assertEquals(List.of("abcdef123456"), config.secretValues());
    }

    @Test
    void aMalformedSecretDoesNotEchoItsValue() {
        List<ConfigKey> keys = List.of(new ConfigKey("pin", ConfigKey.Type.INT, null, true, true, "A secret number."));
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> PluginConfig.of(keys, Map.of("pin", "hunter2-secret")));
        assertFalse(e.getMessage().contains("hunter2-secret"), e.getMessage());
    }
}
