package io.vinyldetective.plugins.discord;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.PluginException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook a chat posts to: its id and token, stored as the recipient {@code <id>/<token>}
 * and posted to at {@code <base-url>/api/webhooks/<id>/<token>}. The token is the secret (whoever has
 * it can post to the channel); it is masked when shown, and the id nearly so.
 */
record DiscordWebhook(String id, String token) {

    /** The hosts Discord serves webhooks on, when the base URL is Discord's own. */
    static final Set<String> DISCORD_HOSTS = Set.of("discord.com", "discordapp.com", "ptb.discord.com",
            "canary.discord.com", "ptb.discordapp.com", "canary.discordapp.com");
    private static final Pattern STORED = Pattern.compile("(\\d{15,22})/([A-Za-z0-9_-]{20,100})");
    private static final Pattern PATH = Pattern.compile("/api(?:/v\\d+)?/webhooks/(\\d{15,22})/([A-Za-z0-9_-]{20,100})/?");

    String recipient() {
        return id + "/" + token;
    }

    /** {@code …/webhooks/12…89/****}. */
    String display() {
        return "…/webhooks/" + id.substring(0, 2) + "…" + id.substring(id.length() - 2) + "/****";
    }

    ChatAddress address() {
        return new ChatAddress(recipient(), display(), List.of(token));
    }

    URI uri(String baseUrl) {
        return URI.create(baseUrl + "/api/webhooks/" + id + "/" + token);
    }

    /**
     * Reads a webhook URL a subscriber typed (from the channel's Integrations > Webhooks > Copy URL),
     * or a stored recipient. The host must be the configured base URL's, or one of Discord's when that
     * is Discord's own.
     *
     * @throws PluginException.BadItem saying what is wrong, never quoting the token
     */
    static DiscordWebhook parse(String typed, URI base) {
        String text = typed.strip().replaceAll("^<|>$", "");
        Matcher stored = STORED.matcher(text);
        if (stored.matches()) {
            return new DiscordWebhook(stored.group(1), stored.group(2));
        }
        if (text.contains(" ")) {
            throw bad("send the webhook URL alone");
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw bad("that is not a URL; copy it from the channel's settings, Integrations > Webhooks > Copy Webhook URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean discord = DiscordSettings.DEFAULT_BASE_URL.equals(base.toString());
        boolean hostOk = discord ? DISCORD_HOSTS.contains(host) && "https".equalsIgnoreCase(uri.getScheme())
                : host.equals(base.getHost()) && uri.getPort() == base.getPort()
                && base.getScheme().equalsIgnoreCase(uri.getScheme());
        if (!hostOk) {
            throw bad("a Discord webhook URL starts with " + (discord ? "https://discord.com" : base.toString())
                    + "/api/webhooks/");
        }
        Matcher m = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!m.matches() || uri.getRawFragment() != null) {
            throw bad("a Discord webhook URL looks like https://discord.com/api/webhooks/<number>/<token>");
        }
        return new DiscordWebhook(m.group(1), m.group(2));
    }

    private static PluginException.BadItem bad(String why) {
        return new PluginException.BadItem(why);
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "DiscordWebhook[" + display() + "]";
    }
}
