package io.vinyldetective.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void aNameIsItsSearchableWordsInAnyOrder() {
        Long key = NameKey.of("The Southern Signals", "Lost Mirror");
        assertEquals(key, NameKey.of("Southern Signals, The", "Mirror (Lost) Vol. 2"), "stop words, digits and order");
        assertEquals(key, NameKey.of("Southern Signals", "Lost Mirror LP Remastered"), "marketplace noise");
        assertEquals(key, NameKey.of("SOUTHERN SIGNALS", "Lóst Mirror"), "case and diacritics");
        assertNotEquals(key, NameKey.of("Kavori Southern Signals", "Lost Mirror"), "a word more is another name");
        assertNull(NameKey.of("The", "1999"));
        assertNull(NameKey.of("One Two Three Four Five Six", "Seven Eight Nine Ten Eleven"));
    }

    @Test
    void aSearchMeansTheNamesWithItsRequiredWordsAndMostOfTheOthers() {
        Long name = NameKey.of("The Southern Signals", "Lost Mirror");
        List<String> all = List.of("southern", "signals");
        assertTrue(NameKey.searched(all, List.of("mirror", "lost", "japan", "factory")).contains(name), "two left out");
        assertFalse(NameKey.searched(all, List.of("mirror", "lost", "a1", "b1", "c1", "d1")).isEmpty());
        assertTrue(NameKey.searched(all, List.of("mirror", "lost", "aa", "bb", "cc", "dd")).stream().noneMatch(name::equals),
                "four left out is too many");
        assertFalse(NameKey.searched(List.of("signals"), List.of("southern")).contains(name), "every required word");
        assertEquals(List.of(), NameKey.searched(List.of("1999"), List.of("mirror")), "a required word a name never holds");
        assertEquals(List.of(), NameKey.searched(all, List.of()), "at least one optional word");
    }
}
