package io.vinyldetective.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plugin's validated settings: every declared key parsed to its type, defaults applied, unknown
 * keys refused. Built by the engine from the plugin's configuration subtree (and by tests from a
 * plain map). {@link #toString()} masks secrets.
 */
public final class PluginConfig {

    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private PluginConfig() {
    }

    /**
     * Validates raw text values against the declared keys.
     *
     * @throws PluginException.BadConfiguration naming the first key that is unknown, missing or malformed
     */
    public static PluginConfig of(List<ConfigKey> declared, Map<String, String> raw) {
        PluginConfig config = new PluginConfig();
        for (ConfigKey key : declared) {
            config.keys.put(key.name(), key);
        }
        Set<String> unknown = new TreeSet<>(raw.keySet());
        unknown.removeAll(config.keys.keySet());
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new PluginException.BadConfiguration(first, "unknown setting '" + first + "' (known: "
                    + String.join(", ", config.keys.keySet()) + ")");
        }
        for (ConfigKey key : declared) {
            String text = raw.get(key.name());
            if (text == null || text.isBlank()) {
                text = key.defaultValue();
            }
            if (text == null || text.isBlank()) {
                if (key.required()) {
                    throw new PluginException.BadConfiguration(key.name(), "'" + key.name() + "' is required: " + key.doc());
                }
                continue;
            }
            config.values.put(key.name(), parse(key, text));
        }
        return config;
    }

    private static Object parse(ConfigKey key, String text) {
        try {
            return key.type().parse(key.name(), text);
        } catch (PluginException.BadConfiguration e) {
            if (key.secret()) {
                throw new PluginException.BadConfiguration(key.name(), "'" + key.name() + "' is malformed (value not shown: it is a secret)");
            }
            throw e;
        }
    }

    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return (String) value(name, ConfigKey.Type.STRING);
    }

    public Integer integer(String name) {
        return (Integer) value(name, ConfigKey.Type.INT);
    }

    public BigDecimal decimal(String name) {
        return (BigDecimal) value(name, ConfigKey.Type.DECIMAL);
    }

    public boolean bool(String name) {
        Object v = value(name, ConfigKey.Type.BOOLEAN);
        return v != null && (Boolean) v;
    }

    public Duration duration(String name) {
        return (Duration) value(name, ConfigKey.Type.DURATION);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = value(name, ConfigKey.Type.LIST);
        return v == null ? List.of() : (List<String>) v;
    }

    /** The declared keys, in declaration order. */
    public Map<String, ConfigKey> keys() {
        return Collections.unmodifiableMap(keys);
    }

    /** The values of secret keys, so the engine can mask them wherever text leaves the process. */
    public List<String> secretValues() {
        return keys.values().stream().filter(ConfigKey::secret).map(k -> values.get(k.name()))
                .filter(v -> v != null && !v.toString().isEmpty()).map(Object::toString).toList();
    }

    private Object value(String name, ConfigKey.Type type) {
        ConfigKey key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException("setting '" + name + "' was not declared by the plugin");
        }
        if (key.type() != type) {
            throw new IllegalArgumentException("setting '" + name + "' is " + key.type() + ", not " + type);
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (ConfigKey key : keys.values()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            Object v = values.get(key.name());
            sb.append(key.name()).append('=').append(v == null ? "" : key.secret() ? "****" : v);
        }
        return sb.append('}').toString();
    }
}
