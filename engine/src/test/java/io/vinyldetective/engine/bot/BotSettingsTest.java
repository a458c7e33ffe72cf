package io.vinyldetective.engine.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotSettingsTest {

    @TempDir
    Path dir;

    @Test
    void bindsFromConfigurationWithDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString(),
                "vinyl-detective.bot.allowed-chats", " 42 , -100123,, "))) {
            BotSettings s = context.getBean(BotSettings.class);
            assertEquals(Set.of("42", "-100123"), s.allowlist());
            assertTrue(s.allows("-100123"));
            assertFalse(s.allows("7"));
            assertEquals(10, s.maxSearchesPerChat());
            assertEquals(20, s.commandsPerMinute());
            assertEquals(Duration.ofMinutes(30), s.pollInterval(), "POLL_INTERVAL's default");
            assertEquals("USD", s.currency());
            assertTrue(context.containsBean(BotCommands.class));
        }
    }

    @Test
    void starOpensTheBotAndBlankClosesIt() {
        assertTrue(BotSettings.allowing("*").allows("anyone"));
        assertTrue(BotSettings.allowing("*").open());
        assertFalse(BotSettings.allowing("").allows("42"));
        assertFalse(BotSettings.allowing(null).allows(""));
    }
}
