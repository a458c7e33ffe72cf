package io.vinyldetective.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One setting a plugin declares: name (relative to the plugin's subtree, kebab-case), type,
 * default, documentation, and whether it is a secret (masked in every output, never logged).
 *
 * @param name         e.g. {@code app-id}; the engine reads {@code plugins.<plugin-id>.<name>}
 * @param type         how the value is parsed
 * @param defaultValue the default as text, or null for none
 * @param required     whether start-up fails when the value is missing or blank
 * @param secret       whether the value must never be shown
 * @param doc          one sentence for {@code plugins} output, README and {@code .env.example}
 */
public record ConfigKey(String name, Type type, String defaultValue, boolean required, boolean secret, String doc) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("config key names are kebab-case: '" + name + "'");
        }
        if (defaultValue != null) {
            type.parse(name, defaultValue);
        }
    }

    public static ConfigKey optional(String name, Type type, String defaultValue, String doc) {
        return new ConfigKey(name, type, defaultValue, false, false, doc);
    }

    public static ConfigKey required(String name, Type type, String doc) {
        return new ConfigKey(name, type, null, true, false, doc);
    }

    /** A required secret (token, password). */
    public static ConfigKey secret(String name, String doc) {
        return new ConfigKey(name, Type.STRING, null, true, true, doc);
    }

    /** Value types, each with one parser so every plugin reads settings the same way. */
    public enum Type {
        STRING, INT, DECIMAL, BOOLEAN,
        /** {@code 500ms}, {@code 3s}, {@code 30m}, {@code 2h}, {@code 7d}, or ISO-8601 {@code PT30M}. */
        DURATION,
        /** Comma-separated values, blanks dropped. */
        LIST;

        private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

        /**
         * Parses a value of this type.
         *
         * @throws PluginException.BadConfiguration naming the key when the text is not of this type
         */
        public Object parse(String key, String text) {
            String t = text.strip();
            try {
                switch (this) {
                    case STRING:
                        return t;
                    case INT:
                        return Integer.parseInt(t);
                    case DECIMAL:
                        return new BigDecimal(t);
                    case BOOLEAN:
                        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                            return Boolean.parseBoolean(t);
                        }
                        throw new IllegalArgumentException();
                    case DURATION:
                        return parseDuration(t);
                    case LIST:
                        return t.isEmpty() ? List.of()
                                : Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    default:
                        throw new IllegalStateException();
                }
            } catch (RuntimeException e) {
                throw new PluginException.BadConfiguration(key, "'" + key + "' must be " + describe() + ", not '"
                        + abbreviate(t) + "'");
            }
        }

        private static Duration parseDuration(String t) {
            Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms": return Duration.ofMillis(n);
                    case "s": return Duration.ofSeconds(n);
                    case "m": return Duration.ofMinutes(n);
                    case "h": return Duration.ofHours(n);
                    default: return Duration.ofDays(n);
                }
            }
            return Duration.parse(t);
        }

        private String describe() {
            switch (this) {
                case INT: return "a whole number";
                case DECIMAL: return "a number";
                case BOOLEAN: return "true or false";
                case DURATION: return "a duration such as 30s, 30m or 2h";
                default: return "text";
            }
        }

        private static String abbreviate(String t) {
            return t.length() > 40 ? t.substring(0, 40) + "…" : t;
        }
    }
}
