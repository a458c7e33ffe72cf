package io.vinyldetective.engine.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vinyldetective.api.Deal;
import org.junit.jupiter.api.Test;

class DealJsonTest {

    @Test
    void aFullDealRoundTrips() {
        Deal deal = TestDeals.full("v1|1234|0", 249504);
        assertEquals(deal, DealJson.read(DealJson.write(deal)));
    }

    @Test
    void aDealWithEveryOptionalValueMissingRoundTrips() {
        Deal deal = TestDeals.minimal("x", 1);
        assertEquals(deal, DealJson.read(DealJson.write(deal)));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DealJson.read("{\"listing\":1}"));
        assertThrows(IllegalArgumentException.class, () -> DealJson.read("not json"));
    }
}
