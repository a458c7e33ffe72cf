package io.vinyldetective.plugins.ntfy;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's settings ({@code plugins.ntfy.*}).
 *
 * @param servers the origins ({@code scheme://host[:port]}) whose topics chats may add
 * @param token   the access token sent for topics added without one of their own, or null; never logged
 */
record NtfySettings(List<String> servers, String token) {

    static final String DEFAULT_SERVER = "https://ntfy.sh";

    static final ConfigKey SERVERS = ConfigKey.optional("servers", ConfigKey.Type.LIST, DEFAULT_SERVER,
            "The ntfy servers whose topics chats may add, scheme://host[:port], comma-separated ($NTFY_SERVERS); "
                    + "the bot publishes nowhere else.");
    static final ConfigKey TOKEN = new ConfigKey("token", ConfigKey.Type.STRING, null, false, true,
            "An access token (tk_...) sent with topics that were added without one, for a server of your own "
                    + "whose topics need it ($NTFY_TOKEN).");

    static final List<ConfigKey> KEYS = List.of(SERVERS, TOKEN);

    /** Reads and checks the settings without touching the network. */
    static NtfySettings from(PluginConfig config) {
        List<String> servers = new ArrayList<>();
        for (String server : config.list(SERVERS.name())) {
            String origin;
            try {
                URI uri = URI.create(server.strip());
                origin = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/") ? NtfyTopic.origin(uri) : null;
            } catch (IllegalArgumentException e) {
                origin = null;
            }
            if (origin == null) {
                throw new PluginException.BadConfiguration(SERVERS.name(), "'servers' must be scheme://host[:port] with http"
                        + " or https and no path, such as " + DEFAULT_SERVER + ", not '" + server + "'");
            }
            servers.add(origin);
        }
        if (servers.isEmpty()) {
            throw new PluginException.BadConfiguration(SERVERS.name(), "'servers' names no server: chats could add no topic");
        }
        String token = config.string(TOKEN.name());
        if (token != null && !token.matches("tk_[A-Za-z0-9]{6,64}")) {
            throw new PluginException.BadConfiguration(TOKEN.name(),
                    "'token' does not look like an ntfy access token (tk_ and letters; value not shown: it is a secret)");
        }
        return new NtfySettings(List.copyOf(servers), token);
    }

    @Override
    public String toString() {
        return "NtfySettings[servers=" + servers + ", token=" + (token == null ? "none" : "****") + "]";
    }
}
