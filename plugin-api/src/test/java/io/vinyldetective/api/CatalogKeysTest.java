package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogKeysTest {

    @ParameterizedTest
    @CsvSource({
            "BLP 1577, BLP1577",
            "blp-1577, BLP1577",
            "CDP 7 46095 2, CDP7460952",
            "cdp7.46095.2, CDP7460952",
            "88985 41212 1, 88985412121",
            "MOVLP1234, MOVLP1234",
            "' WARPLP123 ', WARPLP123"})
    void catalogNumbersCompareWithoutCaseSpacesDashesOrDots(String raw, String key) {
        assertEquals(key, CatalogKeys.catalogNumber(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "NONE", "n/a", "  ", "-", "---"})
    void placeholdersAreNoCatalogNumber(String raw) {
        assertNull(CatalogKeys.catalogNumber(raw));
    }

    @ParameterizedTest
    @CsvSource({
            "'0 12345 67890 5', 0012345678905",
            "012345678905, 0012345678905",
            "0012345678905, 0012345678905",
            "00012345678905, 0012345678905",
            "5 012345 678900, 5012345678900",
            "9638 5421, 96385421"})
    void barcodesAreNormalisedToOneForm(String raw, String key) {
        assertEquals(key, CatalogKeys.barcode(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "ABC 123456789012", "not a barcode", ""})
    void junkIsNoBarcode(String raw) {
        assertNull(CatalogKeys.barcode(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345678905", "0012345678905", "4006381333931", "96385074", "00012345678905"})
    void validCheckDigits(String code) {
        assertTrue(CatalogKeys.validCheckDigit(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345678906", "4006381333932", "1234567", "12345678901234567", "40063813339x1"})
    void invalidCheckDigits(String code) {
        assertFalse(CatalogKeys.validCheckDigit(code));
    }
}
