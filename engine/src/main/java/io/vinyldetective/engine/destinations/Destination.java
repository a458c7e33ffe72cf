package io.vinyldetective.engine.destinations;

import java.time.Instant;

/**
 * A place besides the chat itself that a chat's alerts go to, added with {@code /notify}: an address
 * of a notifier plugin (an ntfy topic, a Discord webhook, a mailbox).
 *
 * @param id         stable and never reused: the number {@code /notify} shows ({@code #3})
 * @param chatId     the chat that added it
 * @param notifierId the plugin id of the notifier that delivers there
 * @param recipient  the notifier's normalised address; may hold secrets, so it is never shown or logged
 * @param display    the address with its secrets masked, as the chat sees it
 * @param active     false once the service said the address is gone for good
 * @param createdAt  when it was added
 * @param lastError  why it was disabled, in words; null while active
 */
public record Destination(long id, String chatId, String notifierId, String recipient, String display, boolean active,
                          Instant createdAt, String lastError) {

    /** {@code #3 ntfy https://ntfy.sh/my****}: what a chat may see. */
    public String describe() {
        return "#" + id + " " + notifierId + " " + display;
    }

    /** Never the recipient: it may hold a webhook token or an access token. */
    @Override
    public String toString() {
        return "Destination[#" + id + ", chat " + chatId + ", " + notifierId + " " + display + (active ? "" : ", gone") + "]";
    }
}
