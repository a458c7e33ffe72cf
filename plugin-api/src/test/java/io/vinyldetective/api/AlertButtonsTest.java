package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertButtonsTest {

    @Test
    void muteRoundTrips() {
        assertEquals(Optional.of(new AlertButtons.Mute(249504)), AlertButtons.parse(AlertButtons.mute(249504)));
    }

    @Test
    void wrongMatchRoundTripsWithColonsAndBarsInTheListingId() {
        String data = AlertButtons.wrongMatch(249504, "v1|1234567890:12|0").orElseThrow();
        assertEquals(Optional.of(new AlertButtons.WrongMatch(249504, "v1|1234567890:12|0")), AlertButtons.parse(data));
    }

    @Test
    void longestListingIdStillFitsTelegramsCallbackLimit() {
        String data = AlertButtons.wrongMatch(Long.MAX_VALUE, "x".repeat(AlertButtons.MAX_LISTING_ID)).orElseThrow();
        assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= 64, data);
        assertEquals(Optional.empty(), AlertButtons.wrongMatch(1, "x".repeat(AlertButtons.MAX_LISTING_ID + 1)));
    }

    @Test
    void foreignOrBrokenDataIsNotAnAction() {
        for (String data : new String[] {null, "", "m:", "m:abc", "w:12", "w:12:", "w::x", "hello"}) {
            assertEquals(Optional.empty(), AlertButtons.parse(data), String.valueOf(data));
        }
    }

    @Test
    void commandNamesAreWhatClientMenusAccept() {
        new ChatCommand("add_search", "Save a search");
        assertThrows(IllegalArgumentException.class, () -> new ChatCommand("Add-Search", "x"));
    }
}
