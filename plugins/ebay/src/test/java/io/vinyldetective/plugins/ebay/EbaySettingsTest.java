package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EbaySettingsTest {

    private static EbaySettings settings(String... pairs) {
        Map<String, String> raw = new HashMap<>(Map.of("app-id", "APP-SECRET", "cert-id", "CERT-SECRET"));
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put(pairs[i], pairs[i + 1]);
        }
        return EbaySettings.from(PluginConfig.of(EbaySettings.KEYS, raw));
    }

    private static String badKey(String... pairs) {
        return assertThrows(PluginException.BadConfiguration.class, () -> settings(pairs)).key();
    }

    @Test
    void theDefaultsSearchTheUsMarketplaceForFixedPriceListings() {
        EbaySettings s = settings();
        assertEquals("https://api.ebay.com", s.baseUrl().toString());
        assertEquals("EBAY_US", s.marketplace());
        assertEquals(5000, s.dailyCallLimit());
        assertEquals(50, s.pageSize());
        assertFalse(s.affiliate());
        assertNull(s.deliveryCountry());
        assertEquals("176985", s.categoryFor(MediaFormat.VINYL));
        assertEquals("176984", s.categoryFor(MediaFormat.CD));
        assertEquals("176983", s.categoryFor(MediaFormat.CASSETTE));
        assertEquals("11233", s.categoryFor(null));
        assertEquals(MediaFormat.VINYL, s.formatOf("176985"));
        assertNull(s.formatOf("27386"));
    }

    @Test
    void theSandboxIsABaseUrlAway() {
        assertEquals("https://api.sandbox.ebay.com", settings("base-url", "https://api.sandbox.ebay.com/").baseUrl().toString());
    }

    @Test
    void bothCredentialsAreRequiredSecrets() {
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> EbaySettings.from(PluginConfig.of(EbaySettings.KEYS, Map.of("app-id", "x"))));
        assertEquals("cert-id", e.key());
        assertTrue(EbaySettings.KEYS.stream().filter(ConfigKey::secret).map(ConfigKey::name).toList()
                .containsAll(java.util.List.of("app-id", "cert-id")));
        PluginConfig config = PluginConfig.of(EbaySettings.KEYS, Map.of("app-id", "APP-SECRET", "cert-id", "CERT-SECRET"));
        assertFalse(config.toString().contains("SECRET") || EbaySettings.from(config).toString().contains("SECRET"));
    }

    @Test
    void settingsThatCannotWorkNameTheirKey() {
        assertEquals("page-size", badKey("page-size", "500"));
        assertEquals("page-size", badKey("page-size", "0"));
        assertEquals("max-pages", badKey("page-size", "200", "max-pages", "51"));
        assertEquals("daily-call-limit", badKey("daily-call-limit", "0"));
        assertEquals("delivery-country", badKey("delivery-country", "Germany"));
        assertEquals("marketplace", badKey("marketplace", "us"));
        assertEquals("base-url", badKey("base-url", "api.ebay.com"));
        assertEquals("cassette-category", badKey("cassette-category", "Cassettes"));
        assertEquals("campaign-id", badKey("campaign-id", "53,affiliateReferenceId=x"));
        assertEquals("unknown-key", assertThrows(PluginException.BadConfiguration.class,
                () -> PluginConfig.of(EbaySettings.KEYS, Map.of("app-id", "a", "cert-id", "c", "unknown-key", "1"))).key());
    }
}
