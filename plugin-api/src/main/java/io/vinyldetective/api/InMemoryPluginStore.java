package io.vinyldetective.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PluginStore#inMemory()}: two maps, no persistence. */
final class InMemoryPluginStore implements PluginStore {

    private final Map<String, Long> counters = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    @Override
    public long increment(String key, long by) {
        return counters.merge(checked(key), by, Long::sum);
    }

    @Override
    public long counter(String key) {
        return counters.getOrDefault(checked(key), 0L);
    }

    @Override
    public Optional<String> text(String key) {
        return Optional.ofNullable(texts.get(checked(key)));
    }

    @Override
    public void putText(String key, String value) {
        texts.put(checked(key), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void remove(String key) {
        counters.remove(checked(key));
        texts.remove(key);
    }

    private static String checked(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > 200) {
            throw new IllegalArgumentException("store keys are 1 to 200 characters");
        }
        return key;
    }
}
