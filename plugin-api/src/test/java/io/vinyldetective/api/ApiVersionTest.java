package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void theBuildStampsTheVersion() {
        assertEquals(1, ApiVersion.major());
        assertEquals(1, ApiVersion.majorOf(ApiVersion.CURRENT));
    }

    @Test
    void majorOfReadsRanges() {
        assertEquals(2, ApiVersion.majorOf("^2.0.0"));
        assertEquals(1, ApiVersion.majorOf(">=1.2.3"));
        assertEquals(12, ApiVersion.majorOf("12.x"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.majorOf("latest"));
    }
}
