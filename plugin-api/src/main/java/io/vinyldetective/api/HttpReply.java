package io.vinyldetective.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer.
 *
 * @param status    the status code
 * @param headers   response headers; names compare without regard to case
 * @param body      the body, possibly empty, never null
 * @param fromCache whether it was served from the transient response cache
 */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body, boolean fromCache) {

    public HttpReply {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
                }
            });
        }
        headers = h;
        body = body == null ? new byte[0] : body;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
