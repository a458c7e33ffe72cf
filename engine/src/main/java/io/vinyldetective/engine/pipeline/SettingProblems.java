package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.config.EnvironmentNames;
import io.vinyldetective.engine.logging.SecretMasker;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one-line messages for a plugin setting that stops assembly. Each names the environment
 * variable an operator sets ({@link EnvironmentNames}) beside the configuration key, and never
 * holds the value of a secret, even when a plugin quotes it in its own message.
 */
final class SettingProblems {

    /** Shorter secrets are not replaced: they would garble ordinary words. */
    private static final int MIN_SECRET = 4;

    private SettingProblems() {
    }

    /**
     * The exception for a plugin's {@link PluginException.BadConfiguration}: "X is not set: ..." when
     * the key is a required one left blank, else "Plugin 'p': bad setting plugins.p.k (VAR): why".
     *
     * @param declared the keys the plugin declares
     * @param raw      the raw values it was given (to tell "missing" from "malformed", and to mask secrets)
     */
    static PipelineException of(String pluginId, PluginException.BadConfiguration e, List<ConfigKey> declared,
                                Map<String, String> raw) {
        List<String> secrets = declared.stream().filter(ConfigKey::secret).map(k -> raw.get(k.name()))
                .filter(v -> v != null && v.strip().length() >= MIN_SECRET).map(String::strip).toList();
        ConfigKey key = e.key() == null ? null
                : declared.stream().filter(k -> k.name().equals(e.key())).findFirst().orElse(null);
        String message;
        if (key != null && key.required() && isBlank(raw.get(key.name())) && key.defaultValue() == null) {
            message = notSet(pluginId, key);
        } else if (e.key() == null) {
            message = "Plugin '" + pluginId + "': bad setting: " + e.getMessage();
        } else {
            String property = property(pluginId, e.key());
            message = "Plugin '" + pluginId + "': bad setting " + property + " (" + EnvironmentNames.of(property) + "): "
                    + e.getMessage();
        }
        return new PipelineException(mask(message, secrets), e);
    }

    /** "TELEGRAM_TOKEN is not set: the telegram plugin needs a bot token (from @BotFather). Set it in ...". */
    static String notSet(String pluginId, ConfigKey key) {
        String property = property(pluginId, key.name());
        return EnvironmentNames.forProperty(property)
                .map(v -> v.name() + " is not set: the " + pluginId + " plugin needs " + v.purpose() + ". "
                        + EnvironmentNames.whereToSet() + ".")
                .orElseGet(() -> EnvironmentNames.of(property) + " is not set: the " + pluginId + " plugin needs "
                        + property + " (" + key.doc().strip().replaceAll("\\.$", "") + "). "
                        + EnvironmentNames.whereToSet() + ", or " + property + " in conf/application.yml.");
    }

    static String property(String pluginId, String key) {
        return "plugins." + pluginId + "." + key;
    }

    private static String mask(String message, Collection<String> secrets) {
        String masked = message;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return SecretMasker.mask(masked);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
