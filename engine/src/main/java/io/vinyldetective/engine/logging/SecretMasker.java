package io.vinyldetective.engine.logging;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks secret values (tokens, keys) wherever the engine writes text: every secret a plugin
 * declares is registered here when its settings are read, and the log layout replaces any
 * occurrence with {@code ****}, so a secret that slips into an exception message from a library
 * still never reaches the journal.
 */
public final class SecretMasker {

    /** Shorter values are not masked: they would mask ordinary words and numbers. */
    private static final int MIN_LENGTH = 6;
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private SecretMasker() {
    }

    public static void register(Collection<String> secrets) {
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_LENGTH && !SECRETS.contains(s)) {
                SECRETS.add(s);
            }
        }
    }

    /** The text with every registered secret replaced by {@code ****}. */
    public static String mask(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : SECRETS) {
            if (result.contains(secret)) {
                result = result.replace(secret, "****");
            }
        }
        return result;
    }
}
