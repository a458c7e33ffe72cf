package io.vinyldetective.engine.doctor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * One cheap call per service that proves its credentials, against the same endpoints the plugins
 * use: eBay's OAuth token endpoint (client credentials), Discogs' {@code /oauth/identity}, Telegram's
 * {@code getMe}. Plain {@code java.net.http} with short timeouts, redirects not followed (they would
 * carry the credentials elsewhere). An unreachable service is a finding, not an exception. No text
 * built here holds a credential or a URL that contains one (Telegram's does); the report masks them
 * besides, in case a server or the JDK quotes one.
 */
final class CredentialChecks {

    static final String EBAY_TOKEN_PATH = "/identity/v1/oauth2/token";
    /** The public-data scope, as the eBay plugin asks for it. */
    static final String EBAY_SCOPE = "https://api.ebay.com/oauth/api_scope";
    static final String DISCOGS_IDENTITY_PATH = "/oauth/identity";
    static final String DISCOGS_ACCEPT = "application/vnd.discogs.v2.discogs+json";
    /** The reason for a call that connected but got no answer in time. */
    private static final String NO_ANSWER = "no answer";

    private final HttpClient client;
    private final Duration timeout;
    private final String userAgent;

    CredentialChecks(Duration timeout, String userAgent) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** A status and a body, or why there is none. */
    private record Reply(int status, Map<String, String> fields, String unreachable) {
    }

    Check ebay(String baseUrl, String appId, String certId) {
        URI base = base(baseUrl);
        if (base == null) {
            return badBase("eBay", "EBAY_BASE_URL", baseUrl);
        }
        String basic = Base64.getEncoder().encodeToString((appId + ":" + certId).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + EBAY_TOKEN_PATH))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(EBAY_SCOPE, StandardCharsets.UTF_8)))
                .build();
        Reply reply = send(request, base);
        if (reply.unreachable() != null) {
            return unreachable("eBay", base, reply.unreachable());
        }
        String error = reply.fields().get("error");
        if (reply.status() == 200 && reply.fields().containsKey("access_token")) {
            return Check.ok("eBay", host(base) + " accepted the app id and cert id");
        }
        if (reply.status() == 200) {
            return notTheApi("eBay", "eBay's token endpoint", "a token", "EBAY_BASE_URL");
        }
        if (reply.status() == 400 || reply.status() == 401) {
            return Check.problem("eBay", "eBay refused the app id / cert id (HTTP " + reply.status()
                    + (error == null ? "" : ": " + error) + ")",
                    "Check EBAY_APP_ID and EBAY_CERT_ID (both from one keyset), and that EBAY_BASE_URL fits the"
                            + " keyset: https://api.sandbox.ebay.com for sandbox keys.");
        }
        return other("eBay", "eBay's token endpoint", reply, error);
    }

    Check discogs(String baseUrl, String token) {
        URI base = base(baseUrl);
        if (base == null) {
            return badBase("Discogs", "DISCOGS_BASE_URL", baseUrl);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + DISCOGS_IDENTITY_PATH))
                    .timeout(timeout)
                    .header("Authorization", "Discogs token=" + token)
                    .header("User-Agent", userAgent)
                    .header("Accept", DISCOGS_ACCEPT)
                    .GET().build();
        } catch (IllegalArgumentException e) {
            return refusedLocally("Discogs", "DISCOGS_TOKEN");
        }
        Reply reply = send(request, base);
        if (reply.unreachable() != null) {
            return unreachable("Discogs", base, reply.unreachable());
        }
        if (reply.status() == 200) {
            String user = reply.fields().get("username");
            return Check.ok("Discogs", user == null ? "the token works" : "the token belongs to " + user);
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return Check.problem("Discogs", "Discogs refused the token (HTTP " + reply.status() + ")",
                    "Create a personal access token on discogs.com (Settings > Developers) and set DISCOGS_TOKEN.");
        }
        return other("Discogs", "Discogs", reply, reply.fields().get("message"));
    }

    Check telegram(String baseUrl, String token) {
        URI base = base(baseUrl);
        if (base == null) {
            return badBase("Telegram", "TELEGRAM_BASE_URL", baseUrl);
        }
        HttpRequest request;
        try {
            // The token is part of the path: this URI is never printed.
            request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/getMe"))
                    .timeout(timeout)
                    .header("User-Agent", userAgent)
                    .GET().build();
        } catch (IllegalArgumentException e) {
            return refusedLocally("Telegram", "TELEGRAM_TOKEN");
        }
        Reply reply = send(request, base);
        if (reply.unreachable() != null) {
            return unreachable("Telegram", base, reply.unreachable());
        }
        if (reply.status() == 200 && "true".equals(reply.fields().get("ok"))) {
            String bot = reply.fields().get("result.username");
            return Check.ok("Telegram", bot == null ? "the token works" : "the token belongs to @" + bot);
        }
        if (reply.status() == 200) {
            return notTheApi("Telegram", "Telegram", "a bot", "TELEGRAM_BASE_URL");
        }
        if (reply.status() == 401 || reply.status() == 404) {
            return Check.problem("Telegram", "Telegram refused the token (HTTP " + reply.status() + ")",
                    "Ask @BotFather for the bot's token (/mybots, API Token) and set TELEGRAM_TOKEN.");
        }
        return other("Telegram", "Telegram", reply, reply.fields().get("description"));
    }

    private Reply send(HttpRequest request, URI base) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), JsonFields.of(response.body()), null);
        } catch (IOException e) {
            return new Reply(0, Map.of(), reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, Map.of(), "interrupted");
        }
    }

    /** Why a call got no answer, in words; never the exception's own text when it could quote the URL. */
    String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(timeout);
        }
        if (e instanceof HttpTimeoutException) {
            return NO_ANSWER;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "the name does not resolve (no DNS, or no network)";
            }
            if (t instanceof SSLException) {
                return "the secure connection failed (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof SocketException && t.getMessage() != null) {
                return t.getMessage().toLowerCase(Locale.ROOT);
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    private Check unreachable(String service, URI base, String reason) {
        String text = reason.equals(NO_ANSWER) ? host(base) + " did not answer within " + seconds(timeout)
                : "cannot reach " + host(base) + ": " + reason;
        return Check.problem(service, text, "Check the network (and a proxy or firewall) of this machine; try again later.");
    }

    private static Check other(String service, String who, Reply reply, String detail) {
        String text = who + " answered HTTP " + reply.status() + (detail == null || detail.isBlank() ? ""
                : " (" + (detail.length() > 80 ? detail.substring(0, 80) + "…" : detail) + ")");
        if (reply.status() == 429) {
            return Check.warning(service, text + ": too many requests just now", "Try again in a minute.");
        }
        return Check.problem(service, text, reply.status() >= 500 ? "The service has trouble; try again later."
                : "Check the base URL and the credentials.");
    }

    private static Check notTheApi(String service, String who, String what, String variable) {
        return Check.problem(service, who + " answered, but not with " + what + ": is " + variable + " the API?",
                "Leave " + variable + " unset for the real service.");
    }

    private static Check badBase(String service, String variable, String value) {
        return Check.problem(service, variable + " '" + value + "' is not an http(s) URL",
                "Leave " + variable + " unset for the real service.");
    }

    private static Check refusedLocally(String service, String variable) {
        return Check.problem(service, variable + " holds characters no token has (spaces, say)",
                "Copy the token again, without quotes or spaces, into " + variable + ".");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** The base URL without trailing slashes, or null when it is not an http(s) URL with a host. */
    static URI base(String text) {
        String t = text.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** {@code api.ebay.com}, or {@code 127.0.0.1:8080} when the URL names a port. */
    static String host(URI base) {
        return base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }
}
