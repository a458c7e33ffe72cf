package io.vinyldetective.plugins.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.PluginException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against the loopback fake Bot API. */
class TelegramNotifierTest {

    private FakeBotApi api;
    private TelegramNotifier notifier;

    @BeforeEach
    void start() throws IOException {
        api = new FakeBotApi();
        notifier = new TelegramNotifier();
        notifier.start(TestContext.pointingAt(api));
    }

    @AfterEach
    void stop() {
        notifier.stop();
        api.close();
    }

    @Test
    void withoutAPhotoTheCardIsAnHtmlMessageWithButtons() {
        assertEquals(Delivery.Status.DELIVERED, notifier.deliver(Deals.alert("1111111", null)).status());
        assertEquals(1, api.calls().size());
        FakeBotApi.Call call = api.calls("sendMessage").get(0);
        assertEquals("sendmessage", call.method()); // telegrambots sends lower-case paths
        assertEquals(FakeBotApiTokens.TOKEN, call.token());
        JsonNode body = call.json();
        assertEquals("1111111", body.get("chat_id").asText());
        assertEquals("HTML", body.get("parse_mode").asText());
        assertEquals(TelegramCard.render(Deals.alert("1", null).deal(), Instant.EPOCH), body.get("text").asText());
        JsonNode keyboard = body.get("reply_markup").get("inline_keyboard");
        assertEquals("https://www.ebay.de/itm/1234567890?campid=42&mkevt=1", keyboard.get(0).get(0).get("url").asText());
        assertEquals("Wrong match", keyboard.get(1).get(0).get("text").asText());
        assertEquals("m:249504", keyboard.get(1).get(1).get("callback_data").asText());
    }

    @Test
    void withAPhotoTheCardIsItsCaption() {
        String photo = "https://i.ebayimg.com/images/g/abc/s-l1600.jpg";
        assertEquals(Delivery.Status.DELIVERED, notifier.deliver(Deals.alert("1111111", photo)).status());
        assertEquals(0, api.calls("sendMessage").size());
        FakeBotApi.Call call = api.calls("sendPhoto").get(0);
        assertTrue(call.contentType().startsWith("multipart/form-data"), call.contentType());
        assertTrue(call.body().contains(photo));
        assertTrue(call.body().contains("Art Blakey &amp; The Jazz Messengers"));
        assertTrue(call.body().contains("\"callback_data\":\"m:249504\""), "reply_markup is sent as JSON text");
    }

    @Test
    void aPhotoTelegramCannotUseFallsBackToText() {
        api.scriptError("sendPhoto", 400, "Bad Request: wrong file identifier/HTTP URL specified");
        assertEquals(Delivery.Status.DELIVERED, notifier.deliver(Deals.alert("1111111", "https://x/broken.jpg")).status());
        assertEquals(1, api.calls("sendPhoto").size());
        assertEquals(1, api.calls("sendMessage").size());
    }

    @Test
    void tooManyRequestsIsRetriedAfterTelegramsDelay() {
        api.scriptTooManyRequests("sendMessage", 17);
        Delivery d = notifier.deliver(Deals.alert("1111111", null));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertEquals(Duration.ofSeconds(17), d.retryAfter());
        assertEquals(Delivery.Status.DELIVERED, notifier.deliver(Deals.alert("1111111", null)).status());
    }

    @Test
    void blockedByTheUserMeansGone() {
        api.scriptError("sendMessage", 403, "Forbidden: bot was blocked by the user");
        assertEquals(Delivery.Status.GONE, notifier.deliver(Deals.alert("1111111", null)).status());
        api.scriptError("sendMessage", 400, "Bad Request: chat not found");
        assertEquals(Delivery.Status.GONE, notifier.deliver(Deals.alert("1111111", null)).status());
    }

    @Test
    void serverErrorsAndNetworkTroubleAreRetriedWithTheEnginesBackOff() {
        api.scriptError("sendMessage", 502, "Bad Gateway");
        Delivery d = notifier.deliver(Deals.alert("1111111", null));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertNull(d.retryAfter());
        api.script("sendMessage", 500, "<html>oops</html>");
        assertEquals(Delivery.Status.RETRY_LATER, notifier.deliver(Deals.alert("1111111", null)).status());
        api.close();
        Delivery down = notifier.deliver(Deals.alert("1111111", null));
        assertEquals(Delivery.Status.RETRY_LATER, down.status());
        assertTrue(!down.detail().contains(FakeBotApiTokens.TOKEN), down.detail());
    }

    @Test
    void anAlertTelegramRefusesIsABadItem() {
        api.scriptError("sendMessage", 400, "Bad Request: can't parse entities");
        assertThrows(PluginException.BadItem.class, () -> notifier.deliver(Deals.alert("1111111", null)));
    }

    @Test
    void settingsAreCheckedAtStartWithoutTheNetwork() {
        TelegramNotifier n = new TelegramNotifier();
        PluginException.BadConfiguration missing = assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(Map.of())));
        assertEquals("token", missing.key());
        PluginException.BadConfiguration malformed = assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(Map.of("token", "not a token"))));
        assertTrue(!malformed.getMessage().contains("not a token"), "a secret is never echoed");
        PluginException.BadConfiguration url = assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(Map.of("token", FakeBotApiTokens.TOKEN, "base-url", "ftp://x/bot"))));
        assertEquals("base-url", url.key());
        assertEquals(443, TelegramSettings.url(TelegramSettings.DEFAULT_BASE_URL).getPort());
        assertEquals("127.0.0.1", TelegramSettings.url("http://127.0.0.1:8081").getHost());
    }
}
