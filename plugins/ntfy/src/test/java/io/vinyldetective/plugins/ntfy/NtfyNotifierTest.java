package io.vinyldetective.plugins.ntfy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.PluginException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against a loopback ntfy, through the engine's real gateway. */
class NtfyNotifierTest {

    private static final String TOPIC = "vinyl-deals-7f3a";
    private static final String TOKEN = "tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2";

    private FakeNtfy ntfy;
    private NtfyNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        ntfy = new FakeNtfy();
        notifier = started(Map.of("servers", ntfy.origin()));
    }

    @AfterEach
    void stop() {
        ntfy.close();
    }

    private static NtfyNotifier started(Map<String, String> settings) {
        NtfyNotifier n = new NtfyNotifier();
        n.start(TestContext.of(n.configKeys(), settings));
        return n;
    }

    private String recipient(String typed) {
        return notifier.chatAddress(typed).recipient();
    }

    @Test
    void aDealIsPublishedToTheTopicWithTitlePriorityTagsAndTheAffiliateLinkAsClick() {
        Delivery d = notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC)));
        assertEquals(Delivery.Status.DELIVERED, d.status());
        FakeNtfy.Publish p = ntfy.published().get(0);
        assertEquals("POST", p.method());
        assertEquals("/" + TOPIC, p.path());
        assertEquals("text/plain; charset=utf-8", p.header("Content-Type"));
        assertEquals("62 % below: Björk — Debut", decode(p.header("Title")));
        assertTrue(p.header("Title").startsWith("=?UTF-8?B?"), "non-ASCII goes as encoded words: " + p.header("Title"));
        assertEquals("4", p.header("Priority"));
        assertEquals("cd,fire", p.header("Tags"));
        assertEquals(Deals.LINK, p.header("Click"));
        assertNull(p.header("Authorization"), "a public topic gets no token");
        assertTrue(p.body().contains("Price: 40.00 EUR + 5.50 EUR shipping = 45.50 EUR"), p.body());
        assertTrue(p.body().contains("Reference: 120.00 EUR (Very Good Plus (VG+), discogs:price_suggestion, 7 for sale)"), p.body());
        assertTrue(p.body().contains("One Little Indian TPLP31"), p.body());
        assertTrue(p.body().contains("⚠ thin market"), p.body());
        assertTrue(p.body().endsWith("Listing: BJÖRK Debut LP One Little Indian TPLP31 1993 UK"), p.body());

        notifier.deliver(new io.vinyldetective.api.Alert(8, recipient(ntfy.origin() + "/" + TOPIC), Deals.deal(Deal.Priority.NORMAL)));
        assertEquals("3", ntfy.published().get(1).header("Priority"));
        assertEquals("cd", ntfy.published().get(1).header("Tags"));
    }

    @Test
    void aProtectedTopicGetsItsOwnTokenElseTheConfiguredOne() {
        notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC + " " + TOKEN)));
        assertEquals("Bearer " + TOKEN, ntfy.published().get(0).header("Authorization"));
        NtfyNotifier configured = started(Map.of("servers", ntfy.origin(), "token", "tk_ownServerToken0001"));
        configured.deliver(Deals.alert(configured.chatAddress(ntfy.origin() + "/" + TOPIC).recipient()));
        assertEquals("Bearer tk_ownServerToken0001", ntfy.published().get(1).header("Authorization"));
    }

    @Test
    void tooManyRequestsWaitsNtfysDelayForTheWholeNotifier() {
        ntfy.answerNext(429, FakeNtfy.error(429, 42901, "limit reached: too many requests"), "Retry-After", "12");
        Delivery d = notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC)));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertEquals(Duration.ofSeconds(12), d.retryAfter());
        assertFalse(d.recipientOnly(), "ntfy counts per sender, not per topic");
        assertEquals(1, ntfy.published().size(), "the gateway did not retry by itself");
        ntfy.answerNext(429, FakeNtfy.error(429, 42901, "limit reached"));
        assertEquals(NtfyNotifier.RATE_LIMIT_WAIT, notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC))).retryAfter());
    }

    @Test
    void serverTroubleIsRetriedWithBackOffAndNoDetailNamesTheTopic() {
        ntfy.answerNext(502, "<html>bad gateway</html>");
        Delivery d = notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC + " " + TOKEN)));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertNull(d.retryAfter());
        assertEquals("ntfy 502", d.detail());
        String r = recipient(ntfy.origin() + "/" + TOPIC);
        ntfy.close();
        Delivery down = notifier.deliver(Deals.alert(r));
        assertEquals(Delivery.Status.RETRY_LATER, down.status());
        assertEquals("ntfy server unreachable", down.detail());
    }

    @Test
    void aRefusedOrMissingTopicIsGoneButARefusedConfiguredTokenIsRetriedMuchLater() {
        ntfy.answerNext(403, FakeNtfy.error(403, 40301, "forbidden"));
        Delivery reserved = notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC)));
        assertEquals(Delivery.Status.GONE, reserved.status());
        assertTrue(reserved.detail().contains("403") && !reserved.detail().contains(TOPIC), reserved.detail());
        ntfy.answerNext(404, FakeNtfy.error(404, 40401, "page not found"));
        assertEquals(Delivery.Status.GONE, notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC))).status());

        NtfyNotifier configured = started(Map.of("servers", ntfy.origin(), "token", "tk_ownServerToken0001"));
        ntfy.answerNext(401, FakeNtfy.error(401, 40101, "unauthorized"));
        Delivery refused = configured.deliver(Deals.alert(configured.chatAddress(ntfy.origin() + "/" + TOPIC).recipient()));
        assertEquals(Delivery.Status.RETRY_LATER, refused.status());
        assertEquals(NtfyNotifier.TOKEN_REFUSED_PAUSE, refused.retryAfter());
        assertTrue(refused.detail().contains("NTFY_TOKEN"), refused.detail());
    }

    @Test
    void aCardNtfyRefusesIsABadItemWithNtfysReason() {
        ntfy.answerNext(400, FakeNtfy.error(400, 40013, "invalid request: priority invalid"));
        PluginException.BadItem bad = assertThrows(PluginException.BadItem.class,
                () -> notifier.deliver(Deals.alert(recipient(ntfy.origin() + "/" + TOPIC))));
        assertEquals("ntfy refused the card (400): invalid request: priority invalid", bad.getMessage());
    }

    @Test
    void chatAddressesAreCheckedNormalisedAndMasked() {
        ChatAddress a = notifier.chatAddress("<" + ntfy.origin().toUpperCase().replace("HTTP://", "http://") + "/" + TOPIC + ">");
        assertEquals(ntfy.origin() + "/" + TOPIC, a.recipient());
        assertEquals(ntfy.origin() + "/vi****", a.display());
        assertEquals(List.of(TOPIC), a.secrets());
        ChatAddress withToken = notifier.chatAddress(ntfy.origin() + "/" + TOPIC + "  " + TOKEN);
        assertEquals(ntfy.origin() + "/vi**** (with its access token)", withToken.display());
        assertEquals(List.of(TOPIC, TOKEN), withToken.secrets());
        assertEquals(withToken, notifier.chatAddress(withToken.recipient()), "a stored recipient reads back the same");

        NtfyNotifier public_ = started(Map.of());
        assertEquals("https://ntfy.sh/" + TOPIC, public_.chatAddress("ntfy.sh/" + TOPIC).recipient());
        assertEquals("https://ntfy.sh/" + TOPIC, public_.chatAddress("https://NTFY.sh:443/" + TOPIC).recipient());
        assertTrue(public_.chatAddressHint().orElseThrow().contains("https://ntfy.sh/mytopic"));

        Map<String, String> bad = Map.of(
                "https://ntfy.example.com/" + TOPIC, "this bot publishes to topics on https://ntfy.sh only",
                "https://ntfy.sh/abc", "choose a topic of at least 6 characters",
                "https://ntfy.sh/a/b/c", "the URL must end in one topic name",
                "https://ntfy.sh/" + TOPIC + "?auth=x", "write the topic URL alone",
                "https://ntfy.sh/" + TOPIC + " password123", "starts with tk_",
                "ftp://ntfy.sh/" + TOPIC, "write the topic URL alone",
                "https://ntfy.sh/" + TOPIC + " " + TOKEN + " more", "write the topic URL, then an access token");
        bad.forEach((typed, why) -> {
            PluginException.BadItem e = assertThrows(PluginException.BadItem.class, () -> public_.chatAddress(typed), typed);
            assertTrue(e.getMessage().contains(why), typed + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("password123") || e.getMessage().contains("auth=x"), e.getMessage());
        });
    }

    @Test
    void settingsAreCheckedAtStart() {
        NtfyNotifier n = new NtfyNotifier();
        PluginException.BadConfiguration server = assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(n.configKeys(), Map.of("servers", "https://ntfy.sh/topic"))));
        assertEquals("servers", server.key());
        PluginException.BadConfiguration token = assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(n.configKeys(), Map.of("token", "hunter2secret"))));
        assertEquals("token", token.key());
        assertFalse(token.getMessage().contains("hunter2secret"));
    }

    @Test
    void aTopicOnAServerNoLongerAllowedIsGoneWithoutACall() {
        NtfyNotifier narrowed = started(Map.of("servers", "https://ntfy.sh"));
        Delivery d = narrowed.deliver(Deals.alert(ntfy.origin() + "/" + TOPIC));
        assertEquals(Delivery.Status.GONE, d.status());
        assertEquals(0, ntfy.published().size());
    }

    @Test
    void aLongAsciiTitleIsSentAsItIsAndLongTextIsEncodedInShortWords() {
        assertEquals("plain title", NtfyCard.header("plain title"));
        String encoded = NtfyCard.header("Sigur Rós — ( ) — Ágætis byrjun · Hvarf/Heim · 🎶🎶🎶🎶🎶🎶🎶🎶");
        for (String word : encoded.split(" ")) {
            assertTrue(word.length() <= 75, word);
        }
        assertEquals("Sigur Rós — ( ) — Ágætis byrjun · Hvarf/Heim · 🎶🎶🎶🎶🎶🎶🎶🎶", decode(encoded));
    }

    /** Decodes RFC 2047 B-encoded words as ntfy does (adjacent words joined). */
    private static String decode(String header) {
        Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=").matcher(header);
        StringBuilder raw = new StringBuilder();
        boolean any = false;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        while (m.find()) {
            any = true;
            bytes.writeBytes(Base64.getDecoder().decode(m.group(1)));
        }
        raw.append(any ? bytes.toString(StandardCharsets.UTF_8) : header);
        return raw.toString();
    }
}
