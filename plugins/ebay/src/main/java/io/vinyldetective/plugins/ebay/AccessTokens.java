package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Urgency;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The application access token (OAuth2 client credentials, {@code POST /identity/v1/oauth2/token}):
 * fetched on first use, shared by all calls, renewed before it expires and when eBay refuses it. The
 * token and the credentials never reach a log line or an exception message.
 */
final class AccessTokens {

    static final String PATH = "/identity/v1/oauth2/token";
    /** The public-data scope; it covers search and getItem (getItems needs a partner-only scope). */
    static final String SCOPE = "https://api.ebay.com/oauth/api_scope";
    /** Renew this long before the stated expiry (at most half the lifetime). */
    static final Duration RENEW_MARGIN = Duration.ofMinutes(5);

    private static final byte[] BODY = ("grant_type=client_credentials&scope="
            + java.net.URLEncoder.encode(SCOPE, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);

    private final HttpGateway http;
    private final URI tokenUri;
    private final String basicAuth;
    private final Clock clock;
    private final CallBudget budget;
    private final System.Logger log;

    private Token current;

    private record Token(String value, Instant renewAt) {
    }

    AccessTokens(HttpGateway http, EbaySettings settings, Clock clock, CallBudget budget, System.Logger log) {
        this.http = http;
        this.tokenUri = URI.create(settings.baseUrl() + PATH);
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
                (settings.appId() + ":" + settings.certId()).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.budget = budget;
        this.log = log;
    }

    /** A valid token, fetching a new one when there is none or the current one is due for renewal. */
    synchronized String get() {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
        }
        return current.value();
    }

    /** Forgets {@code refused} (eBay answered 401 to it), unless another thread already replaced it. */
    synchronized void refused(String refused) {
        if (current != null && current.value().equals(refused)) {
            current = null;
        }
    }

    private Token fetch() {
        HttpCall call = new HttpCall("POST", tokenUri,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", basicAuth,
                        "Accept", "application/json"), BODY, null, 2, Urgency.LIVE);
        HttpReply reply;
        try {
            budget.countTokenCall();
            reply = http.send(call);
        } catch (PluginException.RetryLater e) {
            throw new PluginException.RetryLater("eBay token endpoint unavailable: " + e.getMessage(), e.after(), e);
        }
        if (!reply.ok()) {
            EbayErrors errors = EbayErrors.of(reply);
            if (reply.status() == 400 || reply.status() == 401) {
                String message = "eBay refused the application credentials (" + errors
                        + "): check plugins.ebay.app-id and cert-id, and that base-url matches the keyset (production or sandbox)";
                log.log(Level.ERROR, message);
                throw new PluginException.RetryLater(message, Duration.ofHours(1));
            }
            throw new PluginException.RetryLater("eBay token endpoint answered " + errors, null);
        }
        try {
            Map<String, Object> body = Json.object(reply.body());
            String token = Json.text(body, "access_token");
            long expiresIn = Long.parseLong(Json.text(body, "expires_in"));
            if (token == null || expiresIn <= 0) {
                throw new IOException("no access_token or expires_in");
            }
            Instant now = clock.instant();
            Duration lifetime = Duration.ofSeconds(expiresIn);
            Duration margin = RENEW_MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? RENEW_MARGIN : lifetime.dividedBy(2);
            log.log(Level.DEBUG, "eBay access token obtained, valid for {0} s", expiresIn);
            return new Token(token, now.plus(lifetime).minus(margin));
        } catch (IOException | RuntimeException e) {
            throw new PluginException.RetryLater("eBay token endpoint gave an unreadable answer", null);
        }
    }
}
