package io.vinyldetective.plugins.ntfy;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Urgency;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Publishes each alert to the ntfy topic a chat added ({@code /notify ntfy https://ntfy.sh/mytopic}):
 * one POST to the topic URL through the engine's gateway, the card in the body and in ntfy's
 * headers ({@link NtfyCard}), the topic's own access token or the configured one as a bearer token.
 * Answers map to deliveries: 2xx delivered; 429 retry after ntfy's wait, holding every topic (ntfy
 * counts per sender); 5xx or no answer retry with the engine's back-off; 401/403 and 404 gone for a
 * topic of the chat's (the chat is told), but retry much later when the configured token is refused;
 * any other 4xx a bad item. Never retries by itself and never logs or reports a topic or token.
 */
@Extension
public class NtfyNotifier implements Notifier {

    /** Without a Retry-After, a 429 waits this long (ntfy refills a sender's allowance every few seconds). */
    static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    /** The owner has to fix the configured token: no point in trying soon. */
    static final Duration TOKEN_REFUSED_PAUSE = Duration.ofMinutes(10);
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");

    private volatile NtfySettings settings;
    private volatile HttpGateway http;
    private volatile Clock clock = Clock.systemUTC();

    @Override
    public List<ConfigKey> configKeys() {
        return NtfySettings.KEYS;
    }

    @Override
    public void start(PluginContext context) {
        settings = NtfySettings.from(context.config());
        http = context.http();
        clock = context.clock();
    }

    @Override
    public Optional<String> chatAddressHint() {
        return Optional.of("topic URL, e.g. " + settings.servers().get(0) + "/mytopic; an access token tk_… after it"
                + " for a protected topic");
    }

    @Override
    public ChatAddress chatAddress(String typed) {
        return NtfyTopic.parse(typed, settings.servers()).address();
    }

    @Override
    public Delivery deliver(Alert alert) {
        NtfyTopic topic;
        try {
            topic = NtfyTopic.parse(alert.recipient(), settings.servers());
        } catch (PluginException.BadItem e) {
            return Delivery.gone("the topic is on a server this bot no longer publishes to");
        }
        Deal deal = alert.deal();
        String token = topic.token() != null ? topic.token() : settings.token();
        HttpCall call = HttpCall.post(topic.uri(), "text/plain; charset=utf-8", NtfyCard.body(deal, clock.instant()).getBytes(StandardCharsets.UTF_8))
                .withHeader("Title", NtfyCard.header(NtfyCard.title(deal)))
                .withHeader("Priority", NtfyCard.priority(deal))
                .withHeader("Tags", NtfyCard.tags(deal))
                .withMaxAttempts(1)
                .withUrgency(Urgency.LIVE);
        String click = NtfyCard.click(deal);
        if (click != null) {
            call = call.withHeader("Click", click);
        }
        if (token != null) {
            call = call.withHeader("Authorization", "Bearer " + token);
        }
        HttpReply reply;
        try {
            reply = http.send(call);
        } catch (PluginException.RetryLater e) {
            return unanswered(e);
        }
        return answered(reply, topic.token() == null && token != null);
    }

    /** The gateway gave up: a 429, a 5xx, or no answer at all. */
    private static Delivery unanswered(PluginException.RetryLater e) {
        Optional<HttpReply> last = e.lastReply();
        if (last.isPresent() && last.get().status() == 429) {
            return Delivery.retryLater(e.after() != null ? e.after() : RATE_LIMIT_WAIT, "ntfy rate limit (429)");
        }
        if (last.isPresent()) {
            return Delivery.retryLater(e.after(), "ntfy " + last.get().status() + error(last.get()));
        }
        return Delivery.retryLater(null, "ntfy server unreachable");
    }

    private static Delivery answered(HttpReply reply, boolean configuredToken) {
        int status = reply.status();
        if (reply.ok()) {
            return Delivery.delivered();
        }
        if (status == 401 || status == 403) {
            if (configuredToken) {
                return Delivery.retryLater(TOKEN_REFUSED_PAUSE, "ntfy refused the configured access token (" + status
                        + "): check plugins.ntfy.token (NTFY_TOKEN)");
            }
            return Delivery.gone("ntfy refused to publish to this topic (" + status + "): it is reserved, or its access"
                    + " token is wrong");
        }
        if (status == 404 || (status >= 300 && status < 400)) {
            return Delivery.gone("ntfy has no topic at this URL (" + status + ")");
        }
        throw new PluginException.BadItem("ntfy refused the card (" + status + ")" + error(reply));
    }

    /** ntfy's own error text ({@code {"code":40013,"http":400,"error":"..."}}), if the body has one. */
    static String error(HttpReply reply) {
        Matcher m = ERROR.matcher(reply.text());
        return m.find() ? ": " + m.group(1) : "";
    }
}
