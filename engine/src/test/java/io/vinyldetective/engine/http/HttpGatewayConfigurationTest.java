package io.vinyldetective.engine.http;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.HttpGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpGatewayConfigurationTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        try (ApplicationContext ctx = ApplicationContext.run()) {
            HttpGatewayConfiguration config = ctx.getBean(HttpGatewayConfiguration.class);

            assertEquals(HttpGatewayConfiguration.defaults(), config);
            assertTrue(config.userAgent().startsWith("vinyl-detective/"), config.userAgent());
        }
    }

    @Test
    void keysUnderThePrefixAreBound() {
        Map<String, Object> props = Map.of(
                "vinyl-detective.http.connect-timeout", "3s",
                "vinyl-detective.http.request-timeout", "20s",
                "vinyl-detective.http.max-attempts", 4,
                "vinyl-detective.http.backoff-base", "500ms",
                "vinyl-detective.http.backoff-max", "30s",
                "vinyl-detective.http.retry-after-max", "2m",
                "vinyl-detective.http.cache-max-bytes", "2MB",
                "vinyl-detective.http.user-agent", "my-detective/1.0");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            HttpGatewayConfiguration config = ctx.getBean(HttpGatewayConfiguration.class);

            assertEquals(new HttpGatewayConfiguration(Duration.ofSeconds(3), Duration.ofSeconds(20), 4,
                    Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2), 2L * 1024 * 1024,
                    "my-detective/1.0"), config);
        }
    }

    @Test
    void theGatewayIsOneSingleton() {
        try (ApplicationContext ctx = ApplicationContext.run()) {
            EngineHttpGateway gateway = ctx.getBean(EngineHttpGateway.class);

            assertSame(gateway, ctx.getBean(HttpGateway.class));
        }
    }

    @Test
    void badValuesNameTheirKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpGatewayConfiguration.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));

        assertEquals("vinyl-detective.http.connect-timeout must be positive", e.getMessage());
    }
}
