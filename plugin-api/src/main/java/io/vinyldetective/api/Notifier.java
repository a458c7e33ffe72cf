package io.vinyldetective.api;

import java.util.Optional;

/**
 * Delivers deal alerts to subscribers. The engine's outbox calls {@link #deliver} until the
 * notifier reports the alert delivered or the recipient gone, so a notifier never queues or
 * retries by itself; it reports {@link Delivery#retryLater} instead. Thread-safe after {@code start}.
 *
 * <p>A notifier either delivers to the chat itself (Telegram: the recipient is the chat id) or to
 * addresses subscribers add from their chat ({@code /notify}: an ntfy topic, a Discord webhook, a
 * mailbox). The second kind says so with {@link #chatAddressHint()} and checks what subscribers type
 * with {@link #chatAddress}; the engine then writes one outbox row per chat, listing and destination.
 */
public interface Notifier extends PipelineExtension {

    /** Sends one alert. Network trouble is a {@code RETRY_LATER} result, not an exception. */
    Delivery deliver(Alert alert);

    /**
     * What a subscriber types after {@code /notify <plugin-id>} to add an address of this notifier,
     * in a few words with an example, e.g. {@code a topic URL, e.g. https://ntfy.sh/mytopic}. Empty
     * (the default) when chats cannot add addresses: the notifier delivers to the chat itself.
     *
     * @since 1.3.0
     */
    default Optional<String> chatAddressHint() {
        return Optional.empty();
    }

    /**
     * Checks and normalises an address a subscriber typed, without touching the network. A
     * {@link ChatAddress#recipient()} this returned must be accepted again as {@code typed}, giving the
     * same address: at start the engine reads the stored addresses back through it to mask their secrets.
     *
     * @param typed what followed {@code /notify <plugin-id>}, stripped
     * @return the address to deliver to and how to show it
     * @throws PluginException.BadItem when it is not a usable address of this notifier; the message
     *         is for the subscriber, says what is wrong and never repeats a secret part of the address
     * @since 1.3.0
     */
    default ChatAddress chatAddress(String typed) {
        throw new PluginException.BadItem("this notifier takes no addresses from chats");
    }
}
