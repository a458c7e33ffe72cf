package io.vinyldetective.api;

import java.util.Objects;

/**
 * A button a subscriber pressed under an alert.
 *
 * @param chatId the chat it was pressed in
 * @param data   the button's data, as made by {@link AlertButtons}
 * @since 1.1.0
 */
public record ChatButton(String chatId, String data) {

    public ChatButton {
        Objects.requireNonNull(chatId, "chatId");
        data = data == null ? "" : data;
    }
}
