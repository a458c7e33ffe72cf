package io.vinyldetective.engine.doctor;

import io.micronaut.context.env.Environment;
import io.vinyldetective.engine.config.EnvironmentNames;
import io.vinyldetective.engine.config.PollInterval;
import io.vinyldetective.engine.config.EnvironmentNames.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The operating contract's variables as this process sees them (environment, then
 * {@code conf/application.yml}): set or not (a secret only ever as "set"), which ones the configured
 * pipeline cannot start without, whether {@code POLL_INTERVAL} and {@code WANTLIST_POLL_INTERVAL} parse, and who may use the bot.
 */
public final class ConfigurationCheck {

    /** The contract's variables in the order the doctor shows them; JAVA_OPTS is the launcher's. */
    static final List<String> SHOWN = List.of("TELEGRAM_TOKEN", "DISCOGS_TOKEN", "EBAY_APP_ID", "EBAY_CERT_ID",
            "TELEGRAM_ALLOWED_CHATS", "EBAY_MARKETPLACE", "EBAY_CAMPAIGN_ID", "POLL_INTERVAL", "WANTLIST_POLL_INTERVAL",
            "AUCTION_ALERT_BEFORE", "DISCOGS_USERNAME", "DATA_DIR",
            "PLUGINS_DIR", "EBAY_BASE_URL", "DISCOGS_BASE_URL", "TELEGRAM_BASE_URL");

    /** The variables of the notifiers for the places chats add: shown only when the pipeline uses their plugin. */
    static final List<String> SHOWN_WHEN_USED = List.of("NTFY_SERVERS", "NTFY_TOKEN", "DISCORD_BASE_URL", "SMTP_HOST",
            "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_FROM", "SMTP_STARTTLS", "SMTP_SSL");

    private final Environment environment;
    private final PipelineNeeds needs;
    private final Path pluginsDir;
    private final String javaOpts;

    /**
     * @param pluginsDir the plugins folder in use (PLUGINS_DIR or the installation's)
     * @param javaOpts   the launcher's {@code JAVA_OPTS}, or null
     */
    public ConfigurationCheck(Environment environment, PipelineNeeds needs, Path pluginsDir, String javaOpts) {
        this.environment = environment;
        this.needs = needs;
        this.pluginsDir = pluginsDir;
        this.javaOpts = javaOpts;
    }

    /** The values of the contract's secrets that are set, so the report can mask them wherever they turn up. */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        EnvironmentNames.contract().stream().filter(Variable::secret).forEach(v -> value(v.property()).ifPresent(secrets::add));
        needs.required().stream().filter(PipelineNeeds.Need::secret).forEach(n -> value(n.property()).ifPresent(secrets::add));
        return secrets;
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        for (String name : SHOWN) {
            Variable v = EnvironmentNames.named(name);
            checks.add(switch (name) {
                case "TELEGRAM_ALLOWED_CHATS" -> allowedChats(v);
                case "POLL_INTERVAL", "WANTLIST_POLL_INTERVAL", "AUCTION_ALERT_BEFORE" -> pollInterval(v);
                case "DATA_DIR" -> Check.ok(name, Path.of(value(v.property()).orElse(v.fallback())).toAbsolutePath()
                        .normalize().toString());
                case "PLUGINS_DIR" -> Check.ok(name, pluginsDir + (value(v.property()).isEmpty() ? " (the installation's)" : ""));
                case "EBAY_CAMPAIGN_ID" -> Check.ok(name, value(v.property()).map(c -> c + ": alerts carry affiliate links")
                        .orElse("not set: plain item links"));
                default -> v.secret() ? secret(v) : plain(v);
            });
        }
        for (String name : SHOWN_WHEN_USED) {
            Variable v = EnvironmentNames.named(name);
            if (usesPluginOf(v)) {
                checks.add(v.secret() ? secret(v) : needed(v));
            }
        }
        checks.add(Check.ok("JAVA_OPTS", (javaOpts == null || javaOpts.isBlank() ? "not set" : javaOpts.strip())
                + " (heap up to " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)"));
        for (PipelineNeeds.Need need : needs.required()) {
            if (EnvironmentNames.forProperty(need.property()).isEmpty()) {
                checks.add(pluginSetting(need));
            }
        }
        return checks;
    }

    /** Whether a variable some plugin of the pipeline needs is not set. */
    public boolean missesRequired() {
        return needs.required().stream().anyMatch(n -> value(n.property()).isEmpty());
    }

    private Check secret(Variable v) {
        List<String> who = needs.neededBy(v.name());
        boolean set = value(v.property()).isPresent();
        if (set) {
            return Check.ok(v.name(), who.isEmpty() ? "set" + (usesPluginOf(v) ? "" : " (not used by this pipeline)")
                    : "set, for " + String.join(" and ", who));
        }
        if (who.isEmpty()) {
            return Check.ok(v.name(), "not set (not needed by this pipeline)");
        }
        return Check.problem(v.name(), "not set, but " + String.join(" and ", who) + " needs it",
                v.name() + " is " + v.purpose() + ". " + EnvironmentNames.whereToSet() + ".");
    }

    /** A plain variable that a plugin of the pipeline may require: a problem when it does and it is not set. */
    private Check needed(Variable v) {
        List<String> who = needs.neededBy(v.name());
        if (value(v.property()).isEmpty() && !who.isEmpty()) {
            return Check.problem(v.name(), "not set, but " + String.join(" and ", who) + " needs it",
                    v.name() + " is " + v.purpose() + ". " + EnvironmentNames.whereToSet() + ".");
        }
        return v.fallback() == null ? Check.ok(v.name(), value(v.property()).orElse("not set")) : plain(v);
    }

    private Check plain(Variable v) {
        return Check.ok(v.name(), value(v.property()).orElse("not set: " + v.fallback()));
    }

    private Check allowedChats(Variable v) {
        String chats = value(v.property()).orElse("");
        if (!needs.hasChat()) {
            return Check.ok(v.name(), (chats.isEmpty() ? "not set" : chats) + " (no chat bot in this pipeline)");
        }
        String fix = "List the chat ids that may use the bot, comma-separated (the bot tells an unknown chat its id). "
                + EnvironmentNames.whereToSet() + ".";
        if (chats.isEmpty()) {
            return Check.warning(v.name(), "empty: nobody can use the bot", fix);
        }
        if (chats.equals("*")) {
            return Check.warning(v.name(), "*: the bot is open to everyone (per-chat limits apply)",
                    "If the bot is only for you and friends, list their chat ids instead.");
        }
        List<String> ids = Arrays.stream(chats.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> odd = ids.stream().filter(id -> !id.matches("-?\\d+")).toList();
        if (!odd.isEmpty()) {
            return Check.warning(v.name(), String.join(", ", odd) + ": not a chat id (a chat id is a number)", fix);
        }
        return Check.ok(v.name(), ids.size() + (ids.size() == 1 ? " chat: " : " chats: ") + String.join(", ", ids));
    }

    private Check pollInterval(Variable v) {
        String text = value(v.property()).orElse(v.fallback());
        return PollInterval.problemOf(v.property(), property -> value(property), environment)
                .map(problem -> Check.problem(v.name(), "'" + text + "' is not a usable interval", problem))
                .orElseGet(() -> Check.ok(v.name(), text));
    }

    private Check pluginSetting(PipelineNeeds.Need need) {
        String who = String.join(" and ", needs.neededBy(need.variable()));
        if (value(need.property()).isPresent()) {
            return Check.ok(need.variable(), "set, for " + who);
        }
        return Check.problem(need.variable(), "not set, but " + who + " needs it",
                need.variable() + " (" + need.property() + "): " + need.doc() + " " + EnvironmentNames.whereToSet()
                        + ", or " + need.property() + " in conf/application.yml.");
    }

    private boolean usesPluginOf(Variable v) {
        String[] parts = v.property().split("\\.");
        return parts.length > 2 && parts[0].equals("plugins") && needs.uses(parts[1]);
    }

    private Optional<String> value(String property) {
        return environment.getProperty(property, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
