package io.vinyldetective.plugins.ntfy;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.PluginException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ntfy topic a chat publishes to: the server's origin, the topic name, and the topic's own access
 * token if it has one. Stored as the recipient {@code <origin>/<topic>} or {@code <origin>/<topic> <token>}.
 * The topic is a secret (whoever knows it can read it), so is the token; both are masked when shown.
 *
 * @param origin {@code scheme://host[:port]}, lower case, default port left out
 * @param topic  the topic name
 * @param token  the topic's access token ({@code tk_...}), or null
 */
record NtfyTopic(String origin, String topic, String token) {

    /** ntfy's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[-_A-Za-z0-9]{1,64}");
    /** Shorter topics are easy to guess, and too short for the log masker to hide. */
    static final int MIN_TOPIC_LENGTH = 6;
    private static final Pattern TOKEN = Pattern.compile("tk_[A-Za-z0-9]{6,64}");

    /** The URL to publish to. */
    URI uri() {
        return URI.create(origin + "/" + topic);
    }

    String recipient() {
        return origin + "/" + topic + (token == null ? "" : " " + token);
    }

    /** {@code https://ntfy.sh/my****}: enough to tell two topics apart, not enough to read one. */
    String display() {
        return origin + "/" + topic.substring(0, 2) + "****" + (token == null ? "" : " (with its access token)");
    }

    ChatAddress address() {
        List<String> secrets = new ArrayList<>();
        secrets.add(topic);
        if (token != null) {
            secrets.add(token);
        }
        return new ChatAddress(recipient(), display(), secrets);
    }

    /**
     * Reads what a subscriber typed ({@code https://ntfy.sh/mytopic [tk_...]}, the scheme may be left
     * out) or a stored recipient, and checks the server is one this bot publishes to.
     *
     * @throws PluginException.BadItem saying what is wrong, never quoting the topic or token
     */
    static NtfyTopic parse(String typed, List<String> servers) {
        String[] parts = typed.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty() || parts.length > 2) {
            throw bad("write the topic URL, then an access token only if the topic is protected, e.g. "
                    + "https://ntfy.sh/mytopic or https://ntfy.sh/mytopic tk_…");
        }
        String url = parts[0].replaceAll("^<|>$", "");
        if (!url.contains("://")) {
            url = "https://" + url;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw bad("that is not a URL; write it like https://ntfy.sh/mytopic");
        }
        String origin = origin(uri);
        if (origin == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad("write the topic URL alone, like https://ntfy.sh/mytopic");
        }
        if (!servers.contains(origin)) {
            throw bad("this bot publishes to topics on " + String.join(", ", servers) + " only");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String topic = path.startsWith("/") ? path.substring(1) : path;
        if (!TOPIC.matcher(topic).matches()) {
            throw bad("the URL must end in one topic name (letters, digits, - and _), like https://ntfy.sh/mytopic");
        }
        if (topic.length() < MIN_TOPIC_LENGTH) {
            throw bad("choose a topic of at least " + MIN_TOPIC_LENGTH + " characters: anyone who guesses a topic can read it");
        }
        String token = null;
        if (parts.length == 2) {
            if (!TOKEN.matcher(parts[1]).matches()) {
                throw bad("after the URL comes the topic's access token, which starts with tk_ (ntfy: Account > Access tokens)");
            }
            token = parts[1];
        }
        return new NtfyTopic(origin, topic, token);
    }

    /** {@code scheme://host[:port]} of an http(s) URI, lower case, default port left out; null if it has none. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static PluginException.BadItem bad(String why) {
        return new PluginException.BadItem(why);
    }

    /** Never the topic or the token. */
    @Override
    public String toString() {
        return "NtfyTopic[" + display() + "]";
    }
}
