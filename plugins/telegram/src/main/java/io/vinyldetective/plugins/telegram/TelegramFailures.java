package io.vinyldetective.plugins.telegram;

import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.PluginException;
import java.time.Duration;
import java.util.Locale;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** What a failed Bot API call means for a delivery. */
final class TelegramFailures {

    /** How long to wait when the Bot API refuses the token: the owner has to fix the setting. */
    static final Duration TOKEN_REFUSED_PAUSE = Duration.ofMinutes(10);

    private TelegramFailures() {
    }

    /**
     * 429: retry after Telegram's {@code retry_after}; 403 or 'chat not found': the chat is gone;
     * 5xx, no answer, or an answer that is not the Bot API's: retry with back-off; 401/404: the token
     * is wrong, retry much later; any other 4xx: this alert cannot be sent ({@link PluginException.BadItem}).
     */
    static Delivery delivery(TelegramApiException e) {
        if (!(e instanceof TelegramApiRequestException request) || request.getErrorCode() == null
                || request.getErrorCode() < 100) {
            // No answer, or one that is not the Bot API's (a proxy's error page): code 0.
            return Delivery.retryLater(null, "Bot API unreachable: " + reason(e));
        }
        int code = request.getErrorCode();
        String description = request.getApiResponse() == null ? "" : request.getApiResponse();
        if (code == 429) {
            Integer after = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
            return Delivery.retryLater(after == null ? null : Duration.ofSeconds(after), "Telegram rate limit (429)");
        }
        if (code == 403 || (code == 400 && description.toLowerCase(Locale.ROOT).contains("chat not found"))) {
            return Delivery.gone("Telegram " + code + ": " + description);
        }
        if (code >= 500) {
            return Delivery.retryLater(null, "Telegram " + code + ": " + description);
        }
        if (code == 401 || code == 404) {
            return Delivery.retryLater(TOKEN_REFUSED_PAUSE, "the Bot API refused the token (" + code + "): check plugins.telegram.token");
        }
        throw new PluginException.BadItem("Telegram refused the alert (" + code + "): " + description);
    }

    /** The exception's message without anything that could carry the token (the URL). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
