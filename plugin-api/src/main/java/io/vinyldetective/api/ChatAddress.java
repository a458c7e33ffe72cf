package io.vinyldetective.api;

import java.util.List;
import java.util.Objects;

/**
 * An address a subscriber gave a {@link Notifier} from a chat ({@code /notify ntfy https://ntfy.sh/mytopic}),
 * checked and normalised by the notifier ({@link Notifier#chatAddress}). The engine stores it and
 * hands {@link #recipient} back as {@link Alert#recipient()} for every alert to that destination.
 *
 * @param recipient what the notifier delivers to; may hold secrets (a webhook token, an access token),
 *                  so the engine never shows or logs it
 * @param display   the address as the chat and the log may see it, every secret part masked,
 *                  e.g. {@code discord …/webhooks/12…89/****}
 * @param secrets   the secret parts of {@code recipient}, which the engine masks wherever text leaves
 *                  the process (log lines, messages); never null
 * @since 1.3.0
 */
public record ChatAddress(String recipient, String display, List<String> secrets) {

    public ChatAddress {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(display, "display");
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        for (String secret : secrets) {
            if (display.contains(secret)) {
                throw new IllegalArgumentException("the display text of an address must not contain its secrets");
            }
        }
    }
}
