package io.vinyldetective.engine.http;

import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpReply;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * {@link HttpTransport} on the JDK's {@code java.net.http} client: one client for every host, raw bytes in
 * and out, every status a value. Redirects are not followed: the JDK would forward every request header,
 * {@code Authorization} included, to whatever host the redirect names; a 3xx goes back to the plugin.
 */
final class JdkHttpTransport implements HttpTransport {

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private volatile HttpClient client;

    JdkHttpTransport(HttpGatewayConfiguration config) {
        this.connectTimeout = config.connectTimeout();
        this.requestTimeout = config.requestTimeout();
    }

    /** Built on first use: creating the JDK client (TLS set-up) costs a fifth of a second of start-up. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public HttpReply send(HttpCall call, String userAgent) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = client().send(toRequest(call, userAgent), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException(safeReason(e));
        }
        return new HttpReply(response.statusCode(), response.headers().map(), response.body(), false);
    }

    /**
     * The JDK request. The JDK's own messages for a bad URI or header value quote it (and with it any token),
     * so they are replaced by one that names the header only.
     */
    private HttpRequest toRequest(HttpCall call, String userAgent) {
        HttpRequest.Builder request = newBuilder(call);
        request.timeout(requestTimeout)
                .method(call.method().toUpperCase(Locale.ROOT), call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.headers().keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            request.header("User-Agent", userAgent);
        }
        call.headers().forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(call.describe() + ": header " + name.replaceAll("[^!-~]", "?")
                        + " is restricted or its value is not valid");
            }
        });
        return request.build();
    }

    private static HttpRequest.Builder newBuilder(HttpCall call) {
        try {
            return HttpRequest.newBuilder(call.uri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(call.describe() + ": only http and https URIs with a host can be sent");
        }
    }

    /** The exception's kind and its root cause's kind; never a message, which might hold the URI. */
    private static String safeReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
    }
}
