package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.ConfigKey.Type;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The plugin's settings ({@code plugins.ebay.*}), validated at start-up without touching the network.
 *
 * @param appId             the application's client id (secret)
 * @param certId            the application's client secret (secret)
 * @param baseUrl           {@code https://api.ebay.com}; the sandbox by changing it
 * @param marketplace       sent as {@code X-EBAY-C-MARKETPLACE-ID}
 * @param campaignId        eBay Partner Network campaign, or null for plain item URLs
 * @param referenceId       optional affiliate reference, or null
 * @param dailyCallLimit    Browse API calls allowed per eBay day
 * @param vinylCategory     category searched for {@link MediaFormat#VINYL}
 * @param cdCategory        category searched for {@link MediaFormat#CD}
 * @param cassetteCategory  category searched for {@link MediaFormat#CASSETTE}
 * @param musicCategory     category searched when the saved search names no format
 * @param deliveryCountry   two-letter country the items must ship to, or null
 * @param itemLocationCountry two-letter country the items must be located in, or null
 * @param pageSize          listings per search page (1 to 200)
 * @param maxPages          search pages read at most per poll
 * @param indexLag          how late eBay may index a listing (see {@link EbayListingSource#newListings})
 */
record EbaySettings(String appId, String certId, URI baseUrl, String marketplace, String campaignId, String referenceId,
                    int dailyCallLimit, String vinylCategory, String cdCategory, String cassetteCategory,
                    String musicCategory, String deliveryCountry, String itemLocationCountry,
                    int pageSize, int maxPages, Duration indexLag) {

    static final ConfigKey APP_ID = ConfigKey.secret("app-id",
            "eBay application id (client id) of a production or sandbox keyset; env EBAY_APP_ID");
    static final ConfigKey CERT_ID = ConfigKey.secret("cert-id",
            "eBay cert id (client secret) of the same keyset; env EBAY_CERT_ID");
    static final ConfigKey BASE_URL = ConfigKey.optional("base-url", Type.STRING, "https://api.ebay.com",
            "eBay API root; https://api.sandbox.ebay.com for the sandbox; env EBAY_BASE_URL");
    static final ConfigKey MARKETPLACE = ConfigKey.optional("marketplace", Type.STRING, "EBAY_US",
            "eBay marketplace searched (X-EBAY-C-MARKETPLACE-ID), e.g. EBAY_US, EBAY_GB, EBAY_DE; env EBAY_MARKETPLACE");
    static final ConfigKey CAMPAIGN_ID = ConfigKey.optional("campaign-id", Type.STRING, null,
            "eBay Partner Network campaign id; when set, alerts link to affiliate URLs; env EBAY_CAMPAIGN_ID");
    static final ConfigKey REFERENCE_ID = ConfigKey.optional("reference-id", Type.STRING, null,
            "optional affiliate reference id sent with the campaign id");
    static final ConfigKey DAILY_CALL_LIMIT = ConfigKey.optional("daily-call-limit", Type.INT, "5000",
            "Browse API calls allowed per eBay day (the quota resets at midnight US Pacific)");
    static final ConfigKey VINYL_CATEGORY = ConfigKey.optional("vinyl-category", Type.STRING, "176985",
            "category id searched for vinyl (176985 'Records' on EBAY_US; ids differ per marketplace)");
    static final ConfigKey CD_CATEGORY = ConfigKey.optional("cd-category", Type.STRING, "176984",
            "category id searched for CDs (176984 'CDs' on EBAY_US)");
    static final ConfigKey CASSETTE_CATEGORY = ConfigKey.optional("cassette-category", Type.STRING, "176983",
            "category id searched for cassettes (176983 'Cassettes' on EBAY_US, not verified against eBay)");
    static final ConfigKey MUSIC_CATEGORY = ConfigKey.optional("music-category", Type.STRING, "11233",
            "category id searched when a saved search names no format (11233 'Music' on EBAY_US, not verified)");
    /**
     * No longer used (API 1.3 searches auctions per saved search or want, shortly before they end); still
     * accepted so a configuration written for an older version starts.
     */
    static final ConfigKey INCLUDE_AUCTIONS = ConfigKey.optional("include-auctions", Type.BOOLEAN, "false",
            "no longer used: a search or want asks for auctions with auctions:on (accepted so old configurations start)");
    static final ConfigKey DELIVERY_COUNTRY = ConfigKey.optional("delivery-country", Type.STRING, null,
            "two-letter country the listings must ship to (filter deliveryCountry), e.g. US");
    static final ConfigKey ITEM_LOCATION_COUNTRY = ConfigKey.optional("item-location-country", Type.STRING, null,
            "two-letter country the items must be located in (filter itemLocationCountry)");
    static final ConfigKey PAGE_SIZE = ConfigKey.optional("page-size", Type.INT, "50",
            "listings per search page, 1 to 200; a quiet search costs one call whatever the size");
    static final ConfigKey MAX_PAGES = ConfigKey.optional("max-pages", Type.INT, "4",
            "search pages read at most per poll (bounds the first poll of a new search)");
    static final ConfigKey INDEX_LAG = ConfigKey.optional("index-lag", Type.DURATION, "15m",
            "how late eBay may index a listing: paging goes on while a page is younger than the last poll less this");

    static final List<ConfigKey> KEYS = List.of(APP_ID, CERT_ID, BASE_URL, MARKETPLACE, CAMPAIGN_ID, REFERENCE_ID,
            DAILY_CALL_LIMIT, VINYL_CATEGORY, CD_CATEGORY, CASSETTE_CATEGORY, MUSIC_CATEGORY, INCLUDE_AUCTIONS,
            DELIVERY_COUNTRY, ITEM_LOCATION_COUNTRY, PAGE_SIZE, MAX_PAGES, INDEX_LAG);

    /** eBay returns at most 10,000 items per result set. */
    static final int MAX_RESULT_WINDOW = 10_000;

    /**
     * Reads and checks the settings.
     *
     * @throws PluginException.BadConfiguration naming the first key that cannot work
     */
    static EbaySettings from(PluginConfig config) {
        URI baseUrl = baseUrl(config.string(BASE_URL.name()));
        String marketplace = config.string(MARKETPLACE.name());
        if (!marketplace.matches("[A-Z][A-Z0-9_]{2,30}")) {
            throw bad(MARKETPLACE, "'" + marketplace + "' is not a marketplace id such as EBAY_US");
        }
        int limit = config.integer(DAILY_CALL_LIMIT.name());
        if (limit < 1) {
            throw bad(DAILY_CALL_LIMIT, "must be at least 1");
        }
        int pageSize = config.integer(PAGE_SIZE.name());
        if (pageSize < 1 || pageSize > 200) {
            throw bad(PAGE_SIZE, "must be between 1 and 200 (eBay's limit), not " + pageSize);
        }
        int maxPages = config.integer(MAX_PAGES.name());
        if (maxPages < 1 || (long) maxPages * pageSize > MAX_RESULT_WINDOW) {
            throw bad(MAX_PAGES, "must be at least 1 and max-pages x page-size at most " + MAX_RESULT_WINDOW);
        }
        Duration indexLag = config.duration(INDEX_LAG.name());
        if (indexLag.isNegative()) {
            throw bad(INDEX_LAG, "must not be negative");
        }
        return new EbaySettings(config.string(APP_ID.name()), config.string(CERT_ID.name()), baseUrl, marketplace,
                token(config, CAMPAIGN_ID), token(config, REFERENCE_ID), limit,
                category(config, VINYL_CATEGORY), category(config, CD_CATEGORY), category(config, CASSETTE_CATEGORY),
                category(config, MUSIC_CATEGORY),
                country(config, DELIVERY_COUNTRY), country(config, ITEM_LOCATION_COUNTRY), pageSize, maxPages, indexLag);
    }

    /** The category searched for a format; the music category when the format is unknown or other. */
    String categoryFor(MediaFormat format) {
        if (format == null) {
            return musicCategory;
        }
        switch (format) {
            case VINYL: return vinylCategory;
            case CD: return cdCategory;
            case CASSETTE: return cassetteCategory;
            default: return musicCategory;
        }
    }

    /** The format a listing category stands for, or null when it is none of the format categories. */
    MediaFormat formatOf(String categoryId) {
        if (vinylCategory.equals(categoryId)) {
            return MediaFormat.VINYL;
        }
        if (cdCategory.equals(categoryId)) {
            return MediaFormat.CD;
        }
        if (cassetteCategory.equals(categoryId)) {
            return MediaFormat.CASSETTE;
        }
        return null;
    }

    boolean affiliate() {
        return campaignId != null;
    }

    private static URI baseUrl(String text) {
        try {
            URI uri = URI.create(text.strip().replaceAll("/+$", ""));
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null) {
                throw new IllegalArgumentException("not an http(s) root URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw bad(BASE_URL, "'" + text + "' is not an http(s) URL such as https://api.ebay.com");
        }
    }

    private static String category(PluginConfig config, ConfigKey key) {
        String id = config.string(key.name()).strip();
        if (!id.matches("\\d{1,12}")) {
            throw bad(key, "'" + id + "' is not a numeric eBay category id");
        }
        return id;
    }

    private static String country(PluginConfig config, ConfigKey key) {
        String code = config.string(key.name());
        if (code == null) {
            return null;
        }
        code = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw bad(key, "'" + code + "' is not a two-letter country code such as US");
        }
        return code;
    }

    /** Affiliate ids go into a packed header: letters, digits, dash and underscore only. */
    private static String token(PluginConfig config, ConfigKey key) {
        String value = config.string(key.name());
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw bad(key, "may hold letters, digits, '-' and '_' only (at most 64)");
        }
        return value;
    }

    private static PluginException.BadConfiguration bad(ConfigKey key, String why) {
        return new PluginException.BadConfiguration(key.name(), "'" + key.name() + "' " + why);
    }

    @Override
    public String toString() {
        return "EbaySettings[app-id=****, cert-id=****, base-url=" + baseUrl + ", marketplace=" + marketplace
                + ", campaign-id=" + campaignId + ", page-size=" + pageSize + ", max-pages=" + maxPages + "]";
    }
}
