package io.vinyldetective.plugins.email;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The plugin's settings ({@code plugins.email.*}): the SMTP server and how to talk to it, the
 * sender, and which mail domains chats may add addresses of.
 *
 * @param password never logged; null without a login
 */
record EmailSettings(String host, int port, String username, String password, InternetAddress from, boolean starttls,
                     boolean ssl, Duration timeout, List<String> allowedDomains) {

    static final ConfigKey HOST = ConfigKey.required("host", ConfigKey.Type.STRING,
            "The SMTP server's host name ($SMTP_HOST).");
    static final ConfigKey PORT = ConfigKey.optional("port", ConfigKey.Type.INT, "587",
            "The SMTP server's port ($SMTP_PORT): 587 for submission with STARTTLS, 465 with ssl, 25 plain.");
    static final ConfigKey USERNAME = ConfigKey.optional("username", ConfigKey.Type.STRING, null,
            "The SMTP login ($SMTP_USERNAME); without it, no login.");
    static final ConfigKey PASSWORD = new ConfigKey("password", ConfigKey.Type.STRING, null, false, true,
            "The SMTP password, or an app password ($SMTP_PASSWORD).");
    static final ConfigKey FROM = ConfigKey.required("from", ConfigKey.Type.STRING,
            "The sender of the cards, e.g. Vinyl Detective <deals@example.com> ($SMTP_FROM).");
    static final ConfigKey STARTTLS = ConfigKey.optional("starttls", ConfigKey.Type.BOOLEAN, "true",
            "Require STARTTLS before logging in and sending ($SMTP_STARTTLS); false only for a server on a trusted network.");
    static final ConfigKey SSL = ConfigKey.optional("ssl", ConfigKey.Type.BOOLEAN, "false",
            "Talk TLS from the first byte, as on port 465 ($SMTP_SSL); then starttls does not apply.");
    static final ConfigKey TIMEOUT = ConfigKey.optional("timeout", ConfigKey.Type.DURATION, "10s",
            "How long connecting, and each answer of the server, may take.");
    static final ConfigKey ALLOWED_DOMAINS = ConfigKey.optional("allowed-domains", ConfigKey.Type.LIST, "",
            "The mail domains chats may add addresses of, comma-separated; empty: any.");

    static final List<ConfigKey> KEYS = List.of(HOST, PORT, USERNAME, PASSWORD, FROM, STARTTLS, SSL, TIMEOUT, ALLOWED_DOMAINS);

    /** Reads and checks the settings without touching the network. */
    static EmailSettings from(PluginConfig config) {
        String host = config.string(HOST.name());
        if (!host.matches("[A-Za-z0-9.-]+|\\[[0-9a-fA-F:.]+\\]")) {
            throw new PluginException.BadConfiguration(HOST.name(), "'host' must be a host name, not '" + host + "'");
        }
        int port = config.integer(PORT.name());
        if (port < 1 || port > 65535) {
            throw new PluginException.BadConfiguration(PORT.name(), "'port' must be between 1 and 65535, not " + port);
        }
        String username = config.string(USERNAME.name());
        String password = config.string(PASSWORD.name());
        if ((username == null) != (password == null)) {
            throw new PluginException.BadConfiguration(username == null ? USERNAME.name() : PASSWORD.name(),
                    "'username' and 'password' go together: set both for a login, or neither");
        }
        InternetAddress from;
        try {
            from = new InternetAddress(config.string(FROM.name()), true);
        } catch (AddressException e) {
            throw new PluginException.BadConfiguration(FROM.name(), "'from' is not an e-mail address such as "
                    + "Vinyl Detective <deals@example.com>: " + e.getMessage());
        }
        Duration timeout = config.duration(TIMEOUT.name());
        if (timeout.isNegative() || timeout.isZero()) {
            throw new PluginException.BadConfiguration(TIMEOUT.name(), "'timeout' must be positive");
        }
        List<String> domains = config.list(ALLOWED_DOMAINS.name()).stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        return new EmailSettings(host, port, username, password, from, config.bool(STARTTLS.name()), config.bool(SSL.name()),
                timeout, domains);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "EmailSettings[" + host + ":" + port + (username == null ? "" : ", login " + username + " / ****")
                + ", from " + from + (ssl ? ", ssl" : starttls ? ", starttls" : ", plain") + "]";
    }
}
