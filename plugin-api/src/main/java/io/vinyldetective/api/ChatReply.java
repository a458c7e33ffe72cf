package io.vinyldetective.api;

import java.util.Objects;

/**
 * One plain-text message the engine wants sent to a chat.
 *
 * @param chatId where to send it
 * @param text   the text, without markup; a channel escapes it if its service needs that
 * @since 1.1.0
 */
public record ChatReply(String chatId, String text) {

    public ChatReply {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(text, "text");
    }
}
