package io.vinyldetective.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's world: the secrets (made up, shaped like real ones), the chats, the releases and
 * their prices at the fake Discogs, and the listings at the fake eBay.
 *
 * <p>Releases: Jackie McLean's <i>Swing Swang Swingin'</i>. The cheap 1978 Japanese reissue
 * (Blue Note ST-84024, release 3019955) is real, from the CC0 dump sample. The 1960 originals the
 * sample lacks, mono BLP 4024 and stereo BST 84024, are constructed from it: same artist, title and
 * master, their own catalog number, country, year and ids (90000001, 90000002). Price suggestions
 * are per Discogs account, so they are made up; the shapes are the recorded ones.
 *
 * <p>The prices are chosen so that the verdicts do not depend on which grade the engine takes as the
 * reference: the deals are 40 % or more below every grade from Very Good up and below the lowest
 * listed price; the fair listing and the reissue are less than 25 % below even Mint.
 */
public final class Scenario {

    // Secrets: fake, but shaped like the real ones (a bot token must look like digits:letters).
    public static final String TELEGRAM_TOKEN = "6048213957:AAFq3Zt9xe2eVinylDetective_FakeTokenXy";
    public static final String DISCOGS_TOKEN = "xkQmNRvTbWcLpZdHsJfGaYuE2e7Fake9Token3Dq";
    public static final String EBAY_APP_ID = "VinylDet-e2etest-PRD-9a7f3c1d2-4b8e6f0a";
    public static final String EBAY_CERT_ID = "PRD-a7f3c1d24b8e-6f0a-4c2d-9e1f-3b5d";
    static final String CAMPAIGN_ID = "5338765432";

    public static final long CHAT = 424_242_001L;
    static final long STRANGER = 777_000_123L;

    static final long REISSUE = 3019955L;
    static final long ORIGINAL_MONO = 90_000_001L;
    static final long ORIGINAL_STEREO = 90_000_002L;

    static final String QUERY = "jackie mclean";

    /** Worth about 120 at VG+: 40 + 6 shipping is a deal (HIGH priority). */
    static final FakeEbay.Listing UNDERPRICED = FakeEbay.Listing.record("266100000001",
            "Jackie McLean Swing Swang Swingin' BLP 4024 LP VG+", "40.00", "6.00", "hardbop_crates",
            aspects("BLP 4024", "Very Good Plus (VG+)"));
    /** 112 + 6 for a copy worth 120: fair. */
    static final FakeEbay.Listing FAIR = FakeEbay.Listing.record("266100000002",
            "JACKIE McLEAN - SWING SWANG SWINGIN' - BLUE NOTE BLP 4024 MONO", "112.00", "6.00", "jazzroom_nyc",
            aspects("BLP 4024", "Very Good Plus (VG+)"));
    /** The cheap reissue sharing the title: 14 + 5 is cheap only next to the original. */
    static final FakeEbay.Listing REISSUE_LISTING = FakeEbay.Listing.record("266100000003",
            "Jackie McLean Swing Swang Swingin' LP Japan ST-84024 VG+", "14.00", "5.00", "tokyo_wax",
            aspects("ST-84024", "Very Good Plus (VG+)"));
    /** Not a record, listed among the records with the album's name on it. */
    static final FakeEbay.Listing T_SHIRT = FakeEbay.Listing.record("266100000004",
            "Jackie McLean Swing Swang Swingin' Blue Note Jazz T-Shirt Men's Size XL Black Tee", "20.00", "5.00",
            "band_tees_4u", Map.of("Brand", "Unbranded", "Size", "XL", "Type", "T-Shirt"));
    /** A deal but for its shipping, which is calculated (unknown to the search). */
    static final FakeEbay.Listing UNKNOWN_SHIPPING = FakeEbay.Listing.record("266100000005",
            "Jackie McLean - Swing Swang Swingin' Blue Note BLP-4024 Mono LP", "30.00", null, "estate_vinyl",
            aspects("BLP-4024", "Very Good (VG)"));
    /** The deal relisted by its seller under a new item number. */
    static final FakeEbay.Listing RELISTED = FakeEbay.Listing.record("266100000011", UNDERPRICED.title(), "40.00",
            "6.00", UNDERPRICED.seller(), UNDERPRICED.aspects());
    /** A new deal while eBay and Discogs have trouble: the stereo original, 38 + 7 against about 110. */
    static final FakeEbay.Listing STEREO_DEAL = FakeEbay.Listing.record("266100000021",
            "Jackie McLean Swing Swang Swingin' BST 84024 Stereo NY VG+", "38.00", "7.00", "bluenote_hunter",
            aspects("BST 84024", "Very Good Plus (VG+)"));
    /** A new deal while the search is paused: the mono original again, another seller, 45 + 5. */
    static final FakeEbay.Listing PAUSED_DEAL = FakeEbay.Listing.record("266100000031",
            "Jackie McLean – Swing Swang Swingin' (Blue Note BLP 4024) 1960 mono LP VG", "45.00", "5.00",
            "northside_records", aspects("BLP 4024", "Very Good (VG)"));

    /** The mono original, listed ten minutes before the newest listing but indexed by eBay only later. */
    static final FakeEbay.Listing LATE_DEAL = FakeEbay.Listing.record("266100000041",
            "Jackie McLean Swing Swang Swingin' Blue Note BLP 4024 mono original VG+", "42.00", "5.00",
            "late_indexer", aspects("BLP 4024", "Very Good Plus (VG+)"));
    /** The stereo original on the wantlist at about its value (96 + 7 against 110 at VG+): no deal for a search, fine for a want. */
    static final FakeEbay.Listing WANTED_STEREO = FakeEbay.Listing.record("266100000051",
            "Jackie McLean Swing Swang Swingin' BST 84024 stereo LP VG+", "96.00", "7.00", "wantlist_finds",
            aspects("BST 84024", "Very Good Plus (VG+)"));

    /** An auction of the mono original: bid up to 35, + 5 shipping, against about 120: a deal with 20 minutes left. */
    static final FakeEbay.Listing AUCTION = FakeEbay.Listing.record("266100000061",
            "Jackie McLean Swing Swang Swingin' BLP 4024 mono LP VG+ auction no reserve", "35.00", "5.00", "bid_or_bye",
            aspects("BLP 4024", "Very Good Plus (VG+)"));

    /** The Persuader's Stockholm (release 1 of the dump sample): the wantlist's other want, of another artist. */
    static final long PERSUADER = 1L;

    /** The listings on eBay before the search is saved, oldest first. */
    static final List<FakeEbay.Listing> INITIAL = List.of(FAIR, REISSUE_LISTING, T_SHIRT, UNKNOWN_SHIPPING, UNDERPRICED);

    private Scenario() {
    }

    /** The four secrets, and the eBay keyset as it travels (Basic auth), which must not leak either. */
    static List<String> secrets() {
        return List.of(TELEGRAM_TOKEN, DISCOGS_TOKEN, EBAY_APP_ID, EBAY_CERT_ID, Base64.getEncoder()
                .encodeToString((EBAY_APP_ID + ":" + EBAY_CERT_ID).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> aspects(String catalogNumber, String grading) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("Artist", "Jackie McLean");
        a.put("Release Title", "Swing Swang Swingin'");
        a.put("Record Label", "Blue Note");
        a.put("Catalog Number", catalogNumber);
        a.put("Format", "Record");
        a.put("Record Size", "12\"");
        a.put("Speed", "33 RPM");
        a.put("Genre", "Jazz");
        a.put("Record Grading", grading);
        a.put("Sleeve Grading", grading);
        return a;
    }

    /** The fake Discogs with the three releases and their prices. */
    static FakeDiscogs discogs() {
        Map<String, Object> reissue = DumpSample.release(REISSUE);
        return new FakeDiscogs(DISCOGS_TOKEN)
                .serve(reissue, FakeDiscogs.Prices.of(24.1, 22.37, 19.05, 14.2, 10.4, 7.3, 4.1, 2.2, 16.0, 12))
                .serve(original(reissue, ORIGINAL_MONO, "BLP 4024", "Mono"),
                        FakeDiscogs.Prices.of(140.25, 130.8, 120.4817, 95.1, 70.0, 50.2, 30.0, 20.0, 99.0, 7))
                .serve(original(reissue, ORIGINAL_STEREO, "BST 84024", "Stereo"),
                        FakeDiscogs.Prices.of(130.0, 120.6, 110.2, 85.9, 60.0, 45.0, 25.0, 15.0, 92.0, 5))
                .serve(DumpSample.release(PERSUADER),
                        FakeDiscogs.Prices.of(30.0, 25.0, 20.0, 15.0, 10.0, 8.0, 5.0, 3.0, 18.0, 4));
    }

    /** A 1960 US original made from the reissue's record: its own id and catalog number. */
    private static Map<String, Object> original(Map<String, Object> reissue, long id, String catno, String sound) {
        Map<String, Object> r = Shared.copy(reissue);
        r.put("id", id);
        Map<String, Object> label = Shared.object(Shared.list(r.get("labels")).get(0));
        label.put("catno", catno);
        r.put("labels", List.of(label));
        r.put("formats", List.of(Map.of("name", "Vinyl", "qty", "1", "descriptions", List.of("LP", "Album", sound))));
        r.put("country", "US");
        r.put("released", "1960");
        r.put("year", 1960);
        r.put("identifiers", List.of());
        r.put("uri", "https://www.discogs.com/release/" + id);
        r.put("resource_url", "https://api.discogs.com/releases/" + id);
        return r;
    }

    /** The daemon's environment: the operating contract's variables, pointed at the fakes. */
    public static Map<String, String> environment(FakeEbay ebay, FakeDiscogs discogs, FakeTelegram telegram, Path data,
                                           String pollInterval) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TELEGRAM_TOKEN", TELEGRAM_TOKEN);
        env.put("DISCOGS_TOKEN", DISCOGS_TOKEN);
        env.put("EBAY_APP_ID", EBAY_APP_ID);
        env.put("EBAY_CERT_ID", EBAY_CERT_ID);
        env.put("TELEGRAM_ALLOWED_CHATS", String.valueOf(CHAT));
        env.put("EBAY_MARKETPLACE", "EBAY_US");
        env.put("EBAY_CAMPAIGN_ID", CAMPAIGN_ID);
        env.put("POLL_INTERVAL", pollInterval);
        env.put("WANTLIST_POLL_INTERVAL", pollInterval);
        // Polling every 3 s all day would take ~28,800 calls: on the default 5,000 a day the poller
        // (rightly) stretches every interval about 5x. The fake has no quota, so give the source a big one.
        env.put("PLUGINS_EBAY_DAILY_CALL_LIMIT", "1000000");
        env.put("DATA_DIR", data.toString());
        env.put("EBAY_BASE_URL", ebay.baseUrl());
        // Another loopback name for Discogs: its per-host pace (50 a minute) must not slow the eBay fake's calls,
        // as it would not on the real hosts.
        env.put("DISCOGS_BASE_URL", discogs.baseUrl().replace("127.0.0.1", "localhost"));
        env.put("TELEGRAM_BASE_URL", telegram.baseUrl());
        env.put("PIPELINE_SOURCES", "ebay");
        env.put("PIPELINE_ORACLE", "discogs");
        env.put("PIPELINE_NOTIFIERS", "telegram");
        env.put("JAVA_OPTS", "-Xmx64m");
        // DEBUG: the secret scan then covers the lines a user turns on to troubleshoot (and pastes into issues).
        env.put("VD_LOG_LEVEL", "DEBUG");
        return env;
    }
}
