package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Urgency;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Browse API calls: the token, the marketplace and affiliate headers, the budget check and count,
 * one renewal of the token on a 401, and eBay's errors turned into the plugin exceptions. Returns
 * every other answer (2xx and 4xx) to the caller.
 */
final class EbayApi {

    /** Tries per call; the gateway retries 5xx, 429 and timeouts within this, then gives up. */
    static final int ATTEMPTS = 2;

    private final HttpGateway http;
    private final AccessTokens tokens;
    private final CallBudget budget;
    private final Map<String, String> headers;
    private final System.Logger log;

    EbayApi(HttpGateway http, AccessTokens tokens, CallBudget budget, EbaySettings settings, System.Logger log) {
        this.http = http;
        this.tokens = tokens;
        this.budget = budget;
        this.log = log;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("X-EBAY-C-MARKETPLACE-ID", settings.marketplace());
        String context = endUserContext(settings);
        if (!context.isEmpty()) {
            h.put("X-EBAY-C-ENDUSERCTX", context);
        }
        this.headers = Map.copyOf(h);
    }

    /**
     * The packed {@code X-EBAY-C-ENDUSERCTX} header: the affiliate campaign (and reference) when configured,
     * and the delivery country so shipping estimates are for the right place. Empty when neither is set.
     */
    static String endUserContext(EbaySettings settings) {
        StringBuilder sb = new StringBuilder();
        if (settings.affiliate()) {
            sb.append("affiliateCampaignId=").append(settings.campaignId());
            if (settings.referenceId() != null) {
                sb.append(",affiliateReferenceId=").append(settings.referenceId());
            }
        }
        if (settings.deliveryCountry() != null) {
            sb.append(sb.length() == 0 ? "" : ",").append("contextualLocation=")
                    .append(java.net.URLEncoder.encode("country=" + settings.deliveryCountry(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /**
     * A GET on the Browse API.
     *
     * @return the answer: 2xx, or a 4xx other than 401 for the caller to judge
     * @throws PluginException.RetryLater when the budget is spent, eBay's quota error comes, eBay fails (5xx,
     *                                    timeouts) or refuses a fresh token too
     */
    HttpReply get(URI uri, Urgency urgency) {
        budget.checkAvailable();
        String token = tokens.get();
        HttpReply reply = send(uri, urgency, token);
        if (reply.status() == 401) {
            log.log(Level.DEBUG, "eBay refused the access token ({0}); renewing it once", EbayErrors.of(reply));
            tokens.refused(token);
            budget.checkAvailable();
            reply = send(uri, urgency, tokens.get());
            if (reply.status() == 401) {
                String message = describe(uri) + ": eBay refused a fresh access token too (" + EbayErrors.of(reply) + ")";
                log.log(Level.WARNING, message);
                throw new PluginException.RetryLater(message, null);
            }
        }
        return reply;
    }

    private HttpReply send(URI uri, Urgency urgency, String token) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Authorization", "Bearer " + token);
        HttpCall call = new HttpCall("GET", uri, h, null, null, ATTEMPTS, urgency);
        HttpReply reply;
        try {
            reply = http.send(call);
        } catch (PluginException.RetryLater e) {
            // The gateway tried up to ATTEMPTS times; count them all (an upper bound: a refused connection costs nothing).
            budget.count(ATTEMPTS);
            throw failed(uri, e);
        }
        if (!reply.fromCache()) {
            budget.count(1);
        }
        return reply;
    }

    private PluginException.RetryLater failed(URI uri, PluginException.RetryLater e) {
        if (e.lastReply().isEmpty()) {
            return e; // timeouts, refused connections: the gateway already logged them
        }
        EbayErrors errors = EbayErrors.of(e.lastReply().get());
        if (errors.status() == 429 && errors.has(EbayErrors.QUOTA_EXCEEDED)) {
            return budget.quotaSpent();
        }
        String message = describe(uri) + ": eBay answered " + errors;
        log.log(Level.WARNING, message);
        return new PluginException.RetryLater(message, e.after(), e);
    }

    /** Method, host and path for log lines: never the query string (the saved search) or headers. */
    static String describe(URI uri) {
        return "GET " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }
}
