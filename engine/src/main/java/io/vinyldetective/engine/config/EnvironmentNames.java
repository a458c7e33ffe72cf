package io.vinyldetective.engine.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operating contract's environment variables and the configuration property each one sets
 * ({@code application.yml} maps them), so that a message about a setting can name what an operator
 * actually sets: {@code TELEGRAM_TOKEN}, not only {@code plugins.telegram.token}. A property the
 * contract does not name gets Micronaut's own spelling of it as a variable
 * ({@code plugins.match-fuzzy.min-score} is {@code PLUGINS_MATCH_FUZZY_MIN_SCORE}).
 */
public final class EnvironmentNames {

    /** The file the systemd unit reads the environment from ({@code EnvironmentFile=}). */
    public static final String SERVICE_ENV_FILE = "/opt/vinyl-detective/.env";

    /**
     * One variable of the contract.
     *
     * @param name     the environment variable, e.g. {@code TELEGRAM_TOKEN}
     * @param property the configuration property it sets, e.g. {@code plugins.telegram.token}
     * @param secret   whether its value must never be shown
     * @param purpose  what it holds, as the object of "needs": "a bot token (from @BotFather)"
     * @param fallback what applies when it is not set, in words ("EBAY_US", "nobody"), or null for nothing
     */
    public record Variable(String name, String property, boolean secret, String purpose, String fallback) {
    }

    private static final List<Variable> CONTRACT = List.of(
            new Variable("TELEGRAM_TOKEN", "plugins.telegram.token", true,
                    "a bot token (from @BotFather)", null),
            new Variable("DISCOGS_TOKEN", "plugins.discogs.token", true,
                    "a personal access token (discogs.com, Settings > Developers)", null),
            new Variable("EBAY_APP_ID", "plugins.ebay.app-id", true,
                    "the App ID (client id) of an eBay developer keyset", null),
            new Variable("EBAY_CERT_ID", "plugins.ebay.cert-id", true,
                    "the Cert ID (client secret) of the same eBay keyset", null),
            new Variable("TELEGRAM_ALLOWED_CHATS", "vinyl-detective.bot.allowed-chats", false,
                    "the chat ids that may use the bot (comma-separated, or * for everyone)", "nobody"),
            new Variable("EBAY_MARKETPLACE", "plugins.ebay.marketplace", false,
                    "the eBay marketplace searched, e.g. EBAY_US", "EBAY_US"),
            new Variable("EBAY_CAMPAIGN_ID", "plugins.ebay.campaign-id", false,
                    "an eBay Partner Network campaign id (affiliate links)", "plain item links"),
            new Variable("POLL_INTERVAL", "vinyl-detective.bot.poll-interval", false,
                    "how often a newly saved search is polled, e.g. 30m", "30m"),
            new Variable("WANTLIST_POLL_INTERVAL", "vinyl-detective.wants.poll-interval", false,
                    "how often each batch of wantlist watches is searched, e.g. 1h", "1h"),
            new Variable("AUCTION_ALERT_BEFORE", "vinyl-detective.poll.auction-alert-before", false,
                    "how long before its end an auction is alerted (auctions:on), e.g. 30m", "30m"),
            new Variable("DISCOGS_USERNAME", "vinyl-detective.wants.owner-username", false,
                    "the owner's Discogs user, whose wantlist the first allowed chat watches", "none"),
            new Variable("DATA_DIR", "vinyl-detective.data-dir", false,
                    "the folder of the database", "./data"),
            new Variable("PLUGINS_DIR", "vinyl-detective.plugins-dir", false,
                    "the folder of the plugin jars", "the installation's plugins/"),
            new Variable("EBAY_BASE_URL", "plugins.ebay.base-url", false,
                    "the eBay API root", "https://api.ebay.com"),
            new Variable("DISCOGS_BASE_URL", "plugins.discogs.base-url", false,
                    "the Discogs API root", "https://api.discogs.com"),
            new Variable("TELEGRAM_BASE_URL", "plugins.telegram.base-url", false,
                    "the Telegram Bot API root", "https://api.telegram.org"),
            new Variable("NTFY_SERVERS", "plugins.ntfy.servers", false,
                    "the ntfy servers whose topics chats may add", "https://ntfy.sh"),
            new Variable("NTFY_TOKEN", "plugins.ntfy.token", true,
                    "an ntfy access token (tk_...) for topics of your own server", null),
            new Variable("DISCORD_BASE_URL", "plugins.discord.base-url", false,
                    "the Discord host webhooks are posted to", "https://discord.com"),
            new Variable("SMTP_HOST", "plugins.email.host", false,
                    "the SMTP server's host name", null),
            new Variable("SMTP_PORT", "plugins.email.port", false,
                    "the SMTP server's port", "587"),
            new Variable("SMTP_USERNAME", "plugins.email.username", false,
                    "the SMTP login", "no login"),
            new Variable("SMTP_PASSWORD", "plugins.email.password", true,
                    "the SMTP password", null),
            new Variable("SMTP_FROM", "plugins.email.from", false,
                    "the sender of the mailed deal cards, e.g. Vinyl Detective <deals@example.com>", null),
            new Variable("SMTP_STARTTLS", "plugins.email.starttls", false,
                    "whether STARTTLS is required (true or false)", "true"),
            new Variable("SMTP_SSL", "plugins.email.ssl", false,
                    "whether TLS is spoken from the start, as on port 465 (true or false)", "false"),
            new Variable("PIPELINE_SOURCES", "pipeline.sources", false,
                    "the listing source plugins", null),
            new Variable("PIPELINE_ORACLE", "pipeline.oracle", false,
                    "the price oracle plugin", null),
            new Variable("PIPELINE_MATCHERS", "pipeline.matchers", false,
                    "the matcher tier plugins, in the order tried", null),
            new Variable("PIPELINE_NOTIFIERS", "pipeline.notifiers", false,
                    "the notifier plugins", null),
            new Variable("DB_CACHE_KIB", "vinyl-detective.db.cache-size-kib", false,
                    "the SQLite page cache per connection, KiB", "4096"),
            new Variable("DB_MMAP_MIB", "vinyl-detective.db.mmap-mib", false,
                    "how much of the database SQLite reads memory-mapped, MiB (0: none)", "256"));

    private EnvironmentNames() {
    }

    /** Every variable of the contract that sets a configuration property. */
    public static List<Variable> contract() {
        return CONTRACT;
    }

    /** The contract's variable for a property, if it names one. */
    public static Optional<Variable> forProperty(String property) {
        return CONTRACT.stream().filter(v -> v.property().equals(property)).findFirst();
    }

    /** A variable of the contract by name. */
    public static Variable named(String name) {
        return CONTRACT.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a contract variable: " + name));
    }

    /** The environment variable that sets a property: the contract's name, else Micronaut's spelling. */
    public static String of(String property) {
        return forProperty(property).map(Variable::name).orElseGet(() -> convention(property));
    }

    /** Micronaut's spelling of a property as an environment variable: upper case, dots and dashes as underscores. */
    public static String convention(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Where an operator sets a variable: the service's environment file, or the environment. */
    public static String whereToSet() {
        return "Set it in " + SERVICE_ENV_FILE + " or the environment";
    }
}
