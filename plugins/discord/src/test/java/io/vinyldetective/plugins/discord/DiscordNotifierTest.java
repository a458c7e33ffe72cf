package io.vinyldetective.plugins.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.PluginException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against a loopback webhook endpoint, through the engine's real gateway. */
class DiscordNotifierTest {

    private static final String ID = "1234567890123456789";
    private static final String TOKEN = "XyZ-abcDEF_0123456789ghijklMNOPqrstuvWXyz0123456789ABCDEFghijklmnOPQRst";

    private FakeDiscord discord;
    private DiscordNotifier notifier;
    private String recipient;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        notifier = new DiscordNotifier();
        notifier.start(TestContext.of(notifier.configKeys(), Map.of("base-url", discord.baseUrl())));
        recipient = notifier.chatAddress(discord.baseUrl() + "/api/webhooks/" + ID + "/" + TOKEN).recipient();
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDealIsPostedAsAnEmbedWithTheListingLinkAndFieldsForEveryPrice() {
        assertEquals(Delivery.Status.DELIVERED, notifier.deliver(Deals.alert(recipient)).status());
        FakeDiscord.Post post = discord.posts().get(0);
        assertEquals("/api/webhooks/" + ID + "/" + TOKEN, post.path());
        assertEquals("application/json", post.contentType());
        Map<String, Object> json = post.json();
        assertEquals("Vinyl Detective", json.get("username"));
        assertEquals("🔥 62 % below the reference: Björk — Debut", json.get("content"));
        assertEquals(Map.of("parse", List.of()), json.get("allowed_mentions"), "a seller's @everyone pings nobody");
        Map<String, Object> embed = ((List<Map<String, Object>>) json.get("embeds")).get(0);
        assertEquals("Björk — Debut", embed.get("title"));
        assertEquals(Deals.LINK, embed.get("url"));
        assertEquals(DiscordCard.COLOR_HIGH, ((Number) embed.get("color")).intValue());
        assertTrue(((String) embed.get("description")).contains("One Little Indian TPLP31 · UK 1993"), (String) embed.get("description"));
        assertEquals(Map.of("url", Deals.PHOTO), embed.get("thumbnail"));
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) embed.get("fields")) {
            fields.put((String) f.get("name"), (String) f.get("value"));
        }
        assertEquals("40.00 EUR", fields.get("Price"));
        assertEquals("5.50 EUR", fields.get("Shipping"));
        assertEquals("45.50 EUR", fields.get("Landed"));
        assertEquals("120.00 EUR (Very Good Plus (VG+), discogs:price_suggestion, 7 for sale)", fields.get("Reference"));
        assertEquals("62 %", fields.get("Discount"));
        assertEquals("catalog_no (97 %) — catalog number TPLP31", fields.get("Match"));
        assertEquals("⚠ thin market: 7 for sale", fields.get("Warnings"));
    }

    @Test
    void aWebhooksRateLimitHoldsThatWebhookForDiscordsRetryAfter() {
        discord.rateLimitNext(1.337, false);
        Delivery d = notifier.deliver(Deals.alert(recipient));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertEquals(Duration.ofMillis(1337), d.retryAfter());
        assertTrue(d.recipientOnly(), "a webhook's own limit holds that webhook only");
        assertEquals(1, discord.posts().size(), "the gateway did not retry by itself");

        discord.rateLimitNext(4.0, true);
        Delivery global = notifier.deliver(Deals.alert(recipient));
        assertEquals(Duration.ofSeconds(4), global.retryAfter());
        assertFalse(global.recipientOnly(), "a global limit holds every webhook");

        discord.answerNext(429, "<html>slow down</html>", "Retry-After", "3");
        assertEquals(Duration.ofSeconds(3), notifier.deliver(Deals.alert(recipient)).retryAfter(), "Retry-After without a body");
        assertEquals(Delivery.Status.DELIVERED, notifier.deliver(Deals.alert(recipient)).status());
    }

    @Test
    void anUnknownWebhookOrAnInvalidTokenIsGone() {
        discord.errorNext(404, 10015, "Unknown Webhook");
        Delivery unknown = notifier.deliver(Deals.alert(recipient));
        assertEquals(Delivery.Status.GONE, unknown.status());
        assertEquals("Discord: unknown webhook (404), it was deleted", unknown.detail());
        discord.errorNext(401, 50027, "Invalid Webhook Token");
        assertEquals(Delivery.Status.GONE, notifier.deliver(Deals.alert(recipient)).status());
    }

    @Test
    void serverTroubleIsRetriedAndARefusedCardIsABadItem() {
        discord.answerNext(502, "bad gateway");
        Delivery d = notifier.deliver(Deals.alert(recipient));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertNull(d.retryAfter());
        assertFalse(d.detail().contains(TOKEN));
        discord.errorNext(400, 50035, "Invalid Form Body");
        PluginException.BadItem bad = assertThrows(PluginException.BadItem.class, () -> notifier.deliver(Deals.alert(recipient)));
        assertEquals("Discord refused the card (400): Invalid Form Body", bad.getMessage());
        discord.close();
        Delivery down = notifier.deliver(Deals.alert(recipient));
        assertEquals("Discord unreachable", down.detail());
    }

    @Test
    void webhookUrlsAreCheckedAndTheTokenMasked() {
        ChatAddress a = notifier.chatAddress(discord.baseUrl() + "/api/webhooks/" + ID + "/" + TOKEN);
        assertEquals(ID + "/" + TOKEN, a.recipient());
        assertEquals("…/webhooks/12…89/****", a.display());
        assertEquals(List.of(TOKEN), a.secrets());
        assertEquals(a, notifier.chatAddress(a.recipient()), "a stored recipient reads back the same");

        DiscordNotifier real = new DiscordNotifier();
        real.start(TestContext.of(real.configKeys(), Map.of()));
        for (String host : List.of("discord.com", "discordapp.com", "canary.discord.com")) {
            assertEquals(ID + "/" + TOKEN, real.chatAddress("<https://" + host + "/api/webhooks/" + ID + "/" + TOKEN + ">").recipient());
        }
        assertEquals(ID + "/" + TOKEN, real.chatAddress("https://discord.com/api/v10/webhooks/" + ID + "/" + TOKEN).recipient());
        Map<String, String> bad = Map.of(
                "https://evil.example/api/webhooks/" + ID + "/" + TOKEN, "starts with https://discord.com/api/webhooks/",
                "http://discord.com/api/webhooks/" + ID + "/" + TOKEN, "starts with https://discord.com/api/webhooks/",
                "https://discord.com/api/webhooks/" + ID, "looks like https://discord.com/api/webhooks/<number>/<token>",
                "https://discord.com/channels/" + ID + "/" + TOKEN, "looks like",
                "https://discord.com/api/webhooks/" + ID + "/" + TOKEN + " extra", "send the webhook URL alone");
        bad.forEach((typed, why) -> {
            PluginException.BadItem e = assertThrows(PluginException.BadItem.class, () -> real.chatAddress(typed), typed);
            assertTrue(e.getMessage().contains(why), typed + ": " + e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN), "the token is echoed: " + e.getMessage());
        });
        assertTrue(real.chatAddressHint().orElseThrow().contains("Webhook URL"));
    }

    @Test
    void settingsAreCheckedAtStart() {
        DiscordNotifier n = new DiscordNotifier();
        assertEquals("base-url", assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(n.configKeys(), Map.of("base-url", "https://discord.com/api")))).key());
        assertEquals("username", assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(n.configKeys(), Map.of("username", "Discord Deals")))).key());
    }
}
