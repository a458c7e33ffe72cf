package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What API 1.3 adds to notifiers keeps a notifier written for 1.2 working as before. */
class NotifierDefaultsTest {

    /** A notifier as written against API 1.2: deliver and start only. */
    private static final class OldNotifier implements Notifier {
        @Override
        public void start(PluginContext context) {
        }

        @Override
        public Delivery deliver(Alert alert) {
            return Delivery.delivered();
        }
    }

    @Test
    void aNotifierWithoutAddressSupportTakesNoChatAddresses() {
        Notifier old = new OldNotifier();
        assertTrue(old.chatAddressHint().isEmpty());
        PluginException.BadItem refused = assertThrows(PluginException.BadItem.class, () -> old.chatAddress("x@y.z"));
        assertTrue(refused.getMessage().contains("no addresses"), refused.getMessage());
    }

    @Test
    void aRetryLaterHoldsTheWholeNotifierUnlessItSaysRecipientOnly() {
        Delivery bot = Delivery.retryLater(Duration.ofSeconds(3), "429");
        assertFalse(bot.recipientOnly());
        assertEquals(bot, new Delivery(Delivery.Status.RETRY_LATER, Duration.ofSeconds(3), "429"));
        Delivery webhook = Delivery.retryRecipientLater(Duration.ofSeconds(2), "429 on this webhook");
        assertTrue(webhook.recipientOnly());
        assertEquals(Delivery.Status.RETRY_LATER, webhook.status());
    }

    @Test
    void anAddressNeverShowsItsSecrets() {
        ChatAddress ok = new ChatAddress("123/abcdefTOKEN", "discord …/webhooks/12…23/****", List.of("abcdefTOKEN"));
        assertEquals(List.of("abcdefTOKEN"), ok.secrets());
        assertThrows(IllegalArgumentException.class,
                () -> new ChatAddress("123/abcdefTOKEN", "discord 123/abcdefTOKEN", List.of("abcdefTOKEN")));
        assertEquals(List.of(), new ChatAddress("me@example.com", "me@example.com", null).secrets());
    }
}
