package io.vinyldetective.plugins.telegram;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The plugin's settings ({@code plugins.telegram.*}), shared by the notifier and the channel.
 *
 * @param token the bot token; never logged
 * @param url   where the Bot API is
 */
record TelegramSettings(String token, TelegramUrl url) {

    static final String DEFAULT_BASE_URL = "https://api.telegram.org";

    static final ConfigKey TOKEN = ConfigKey.secret("token",
            "The bot token from @BotFather ($TELEGRAM_TOKEN).");
    static final ConfigKey BASE_URL = ConfigKey.optional("base-url", ConfigKey.Type.STRING, DEFAULT_BASE_URL,
            "Where the Bot API is, scheme://host[:port] ($TELEGRAM_BASE_URL); tests point it at a loopback fake.");

    static final List<ConfigKey> KEYS = List.of(TOKEN, BASE_URL);

    /** Reads and checks the settings without touching the network. */
    static TelegramSettings from(PluginConfig config) {
        String token = config.string(TOKEN.name());
        if (!token.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw new PluginException.BadConfiguration(TOKEN.name(),
                    "'token' does not look like a bot token (digits, a colon, then letters; value not shown: it is a secret)");
        }
        return new TelegramSettings(token, url(config.string(BASE_URL.name())));
    }

    static TelegramUrl url(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw badUrl(baseUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw badUrl(baseUrl);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    private static PluginException.BadConfiguration badUrl(String baseUrl) {
        return new PluginException.BadConfiguration(BASE_URL.name(), "'base-url' must be scheme://host[:port] "
                + "with http or https and no path, such as " + DEFAULT_BASE_URL + ", not '" + baseUrl + "'");
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=****, url=" + url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + "]";
    }
}
