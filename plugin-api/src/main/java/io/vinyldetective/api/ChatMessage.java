package io.vinyldetective.api;

import java.util.Objects;

/**
 * A text a subscriber sent to a {@link ChatChannel}.
 *
 * @param chatId the chat, as the channel addresses it (for Telegram: the chat id)
 * @param text   the text as typed; never null (a message without text is empty)
 * @since 1.1.0
 */
public record ChatMessage(String chatId, String text) {

    public ChatMessage {
        Objects.requireNonNull(chatId, "chatId");
        text = text == null ? "" : text;
    }
}
