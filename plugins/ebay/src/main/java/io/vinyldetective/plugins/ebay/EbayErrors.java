package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.HttpReply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * eBay's error body ({@code {"errors":[{"errorId":2001,"domain":"ACCESS","category":"REQUEST","message":...}]}})
 * as one loggable line. Bodies that are not eBay errors (an OAuth error, HTML from a proxy) say only their
 * status, so nothing unexpected reaches the log.
 */
record EbayErrors(int status, List<Entry> entries, String oauthError) {

    /** errorId 2001 (domain ACCESS): the application's daily call quota is spent. */
    static final int QUOTA_EXCEEDED = 2001;
    /** errorId 1001 (domain OAuth): the access token is invalid or expired. */
    static final int INVALID_TOKEN = 1001;

    /** One entry of {@code errors[]}. */
    record Entry(Integer errorId, String domain, String category, String message) {
        @Override
        public String toString() {
            return "errorId " + errorId + (domain == null ? "" : " (" + domain + (category == null ? "" : "/" + category) + ")")
                    + (message == null ? "" : ": " + message);
        }
    }

    static EbayErrors of(HttpReply reply) {
        List<Entry> entries = new ArrayList<>();
        String oauthError = null;
        try {
            Map<String, Object> body = Json.object(reply.body());
            for (Object o : Json.list(body, "errors")) {
                if (o instanceof Map) {
                    Map<String, Object> e = Json.cast(o);
                    entries.add(new Entry(integer(Json.text(e, "errorId")), Json.text(e, "domain"),
                            Json.text(e, "category"), shorten(Json.text(e, "message"))));
                }
            }
            String error = Json.text(body, "error");
            if (error != null && error.matches("[a-z_]{1,40}")) {
                oauthError = error;
            }
        } catch (IOException | RuntimeException notJson) {
            // an empty or foreign body: the status says enough
        }
        return new EbayErrors(reply.status(), List.copyOf(entries), oauthError);
    }

    boolean has(int errorId) {
        return entries.stream().anyMatch(e -> e.errorId() != null && e.errorId() == errorId);
    }

    /** {@code status 429: errorId 2001 (ACCESS/REQUEST): Too many requests.} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("status ").append(status);
        if (oauthError != null) {
            sb.append(": ").append(oauthError);
        }
        for (int i = 0; i < entries.size(); i++) {
            sb.append(i == 0 ? ": " : "; ").append(entries.get(i));
        }
        return sb.toString();
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String message) {
        if (message == null) {
            return null;
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
