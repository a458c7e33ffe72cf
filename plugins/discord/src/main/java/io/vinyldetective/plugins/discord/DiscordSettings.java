package io.vinyldetective.plugins.discord;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The plugin's settings ({@code plugins.discord.*}).
 *
 * @param base     where Discord is, {@code scheme://host[:port]}
 * @param username the name the cards are posted under
 */
record DiscordSettings(URI base, String username) {

    static final String DEFAULT_BASE_URL = "https://discord.com";

    static final ConfigKey BASE_URL = ConfigKey.optional("base-url", ConfigKey.Type.STRING, DEFAULT_BASE_URL,
            "Where Discord is, scheme://host[:port] ($DISCORD_BASE_URL); chats may add webhooks there only. Tests point it"
                    + " at a loopback fake.");
    static final ConfigKey USERNAME = ConfigKey.optional("username", ConfigKey.Type.STRING, "Vinyl Detective",
            "The name the deal cards are posted under (1-80 characters).");

    static final List<ConfigKey> KEYS = List.of(BASE_URL, USERNAME);

    static DiscordSettings from(PluginConfig config) {
        String text = config.string(BASE_URL.name()).strip().replaceAll("/$", "");
        URI base;
        try {
            base = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw badUrl(text);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || base.getHost() == null
                || (base.getRawPath() != null && !base.getRawPath().isEmpty()) || base.getRawQuery() != null) {
            throw badUrl(text);
        }
        String username = config.string(USERNAME.name()).strip();
        if (username.isEmpty() || username.length() > 80 || username.toLowerCase(Locale.ROOT).contains("discord")) {
            throw new PluginException.BadConfiguration(USERNAME.name(),
                    "'username' must be 1 to 80 characters and must not contain 'discord' (Discord refuses it)");
        }
        return new DiscordSettings(base, username);
    }

    private static PluginException.BadConfiguration badUrl(String text) {
        return new PluginException.BadConfiguration(BASE_URL.name(), "'base-url' must be scheme://host[:port] with http"
                + " or https and no path, such as " + DEFAULT_BASE_URL + ", not '" + text + "'");
    }
}
