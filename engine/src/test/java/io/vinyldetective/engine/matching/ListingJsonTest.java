package io.vinyldetective.engine.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingJsonTest {

    @Test
    void readsTheDevSetShape() throws Exception {
        Listing l = ListingJson.parse("{\"id\": \"v1|1|0\", \"title\": \"Blue Train LP\", \"price\": 16.0, \"currency\": \"USD\", "
                + "\"shipping\": 6, \"condition\": \"New\", \"format\": \"Vinyl\", \"gtin\": null, "
                + "\"aspects\": {\"Artist\": \"John Coltrane\", \"Genre\": [\"Jazz\", \"Hard Bop\"], \"Empty\": null}, \"extra\": {\"a\": [1]}}");
        assertEquals("v1|1|0", l.id());
        assertEquals("Blue Train LP", l.title());
        assertEquals(Money.of("16.0", "USD"), l.price());
        assertEquals(Money.of("6", "USD"), l.shipping());
        assertEquals(MediaFormat.VINYL, l.format());
        assertNull(l.gtin());
        assertEquals(Map.of("Artist", "John Coltrane", "Genre", "Jazz, Hard Bop"), l.aspects());
    }

    @Test
    void numericBarcodesAndMissingOptionalFieldsAreFine() throws Exception {
        Listing l = ListingJson.parse("{\"id\":\"2\",\"title\":\"x\",\"gtin\":724349532527,\"format\":\"CD\"}");
        assertEquals("724349532527", l.gtin());
        assertEquals(MediaFormat.CD, l.format());
        assertNull(l.price());
    }

    @Test
    void badLinesSayWhyAndKeepTheIdWhenItWasRead() {
        assertEquals("x1", assertThrows(ListingJson.BadListing.class, () -> ListingJson.parse("{\"id\":\"x1\",\"title\":")).id());
        assertEquals("no title", assertThrows(ListingJson.BadListing.class, () -> ListingJson.parse("{\"id\":\"x2\"}")).getMessage());
        assertNull(assertThrows(ListingJson.BadListing.class, () -> ListingJson.parse("[1,2]")).id());
        assertNull(assertThrows(ListingJson.BadListing.class, () -> ListingJson.parse("{\"title\":\"t\"}")).id());
        assertThrows(ListingJson.BadListing.class, () -> ListingJson.parse("{\"id\":\"x3\",\"title\":\"t\"} trailing"));
        assertThrows(ListingJson.BadListing.class, () -> ListingJson.parse("{\"id\":\"x4\",\"title\":\"t\",\"price\":\"abc\",\"currency\":\"USD\"}"));
        assertThrows(ListingJson.BadListing.class, () -> ListingJson.parse("{\"id\":\"x5\",\"title\":\"t\",\"price\":1,\"currency\":\"dollars\"}"));
    }
}
