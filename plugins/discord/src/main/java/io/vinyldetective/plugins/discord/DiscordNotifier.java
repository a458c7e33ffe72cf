package io.vinyldetective.plugins.discord;

import com.fasterxml.jackson.jr.ob.JSON;
import io.vinyldetective.api.Alert;
import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Urgency;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Posts each alert to the Discord webhook a chat added ({@code /notify discord <webhook URL>}) as a
 * message with one embed ({@link DiscordCard}), through the engine's gateway, one attempt per
 * delivery. Answers map to deliveries: 2xx delivered; 429 retry after Discord's {@code retry_after}
 * (or {@code Retry-After}), holding only this webhook unless Discord says the limit is global; 5xx
 * or no answer retry with the engine's back-off; 404 (unknown webhook), 401 (invalid token) and 403
 * gone (the chat is told); any other 4xx a bad item. Never logs or reports the webhook token.
 */
@Extension
public class DiscordNotifier implements Notifier {

    /** Without a readable wait, a 429 waits this long. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(5);

    private volatile DiscordSettings settings;
    private volatile HttpGateway http;
    private volatile Clock clock = Clock.systemUTC();

    @Override
    public List<ConfigKey> configKeys() {
        return DiscordSettings.KEYS;
    }

    @Override
    public void start(PluginContext context) {
        settings = DiscordSettings.from(context.config());
        http = context.http();
        clock = context.clock();
    }

    @Override
    public Optional<String> chatAddressHint() {
        return Optional.of("webhook URL, from the channel's Integrations > Webhooks > Copy Webhook URL");
    }

    @Override
    public ChatAddress chatAddress(String typed) {
        return DiscordWebhook.parse(typed, settings.base()).address();
    }

    @Override
    public Delivery deliver(Alert alert) {
        DiscordWebhook webhook;
        try {
            webhook = DiscordWebhook.parse(alert.recipient(), settings.base());
        } catch (PluginException.BadItem e) {
            return Delivery.gone("not a Discord webhook this bot posts to");
        }
        byte[] body = DiscordCard.json(alert.deal(), settings.username(), clock.instant()).getBytes(StandardCharsets.UTF_8);
        HttpCall call = HttpCall.post(webhook.uri(settings.base().toString()), "application/json", body)
                .withMaxAttempts(1).withUrgency(Urgency.LIVE);
        HttpReply reply;
        try {
            reply = http.send(call);
        } catch (PluginException.RetryLater e) {
            Optional<HttpReply> last = e.lastReply();
            if (last.isPresent() && last.get().status() == 429) {
                return rateLimited(last.get(), e.after());
            }
            return Delivery.retryLater(e.after(), last.map(r -> "Discord " + r.status()).orElse("Discord unreachable"));
        }
        if (reply.ok()) {
            return Delivery.delivered();
        }
        Map<String, Object> error = json(reply);
        String message = error.get("message") instanceof String s ? s : "";
        switch (reply.status()) {
            case 404:
                return Delivery.gone("Discord: unknown webhook (404), it was deleted");
            case 401:
                return Delivery.gone("Discord: the webhook token is invalid (401)");
            case 403:
                return Delivery.gone("Discord refused the webhook (403)" + (message.isEmpty() ? "" : ": " + message));
            default:
                throw new PluginException.BadItem("Discord refused the card (" + reply.status() + ")"
                        + (message.isEmpty() ? "" : ": " + message));
        }
    }

    /** Discord's {@code retry_after} (seconds, with a fraction), else the gateway's reading of {@code Retry-After}. */
    static Delivery rateLimited(HttpReply reply, Duration retryAfterHeader) {
        Map<String, Object> body = json(reply);
        Duration wait = retryAfterHeader;
        Object after = body.get("retry_after");
        if (after instanceof Number n) {
            wait = Duration.ofMillis(new BigDecimal(n.toString()).movePointRight(3).setScale(0, java.math.RoundingMode.CEILING)
                    .longValueExact());
        }
        if (wait == null || wait.isNegative()) {
            wait = RATE_LIMIT_WAIT;
        }
        boolean global = Boolean.TRUE.equals(body.get("global"))
                || reply.header("X-RateLimit-Global").map("true"::equalsIgnoreCase).orElse(false);
        return global ? Delivery.retryLater(wait, "Discord global rate limit (429)")
                : Delivery.retryRecipientLater(wait, "Discord rate limit on this webhook (429)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpReply reply) {
        try {
            Object any = JSON.std.anyFrom(reply.body());
            return any instanceof Map ? (Map<String, Object>) any : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
