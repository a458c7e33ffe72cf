package io.vinyldetective.api;

import java.time.Duration;

/**
 * The one exception family plugins throw. Each kind tells the engine what to do:
 * {@link RetryLater} try again later, {@link BadConfiguration} refuse to start and name the key,
 * {@link BadItem} log and skip the item. Messages must never contain a secret.
 */
public abstract class PluginException extends RuntimeException {

    protected PluginException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The outside world is unavailable for now (network, 5xx, rate limit, spent budget). */
    public static final class RetryLater extends PluginException {
        private final Duration after;

        public RetryLater(String message, Duration after) {
            this(message, after, null);
        }

        public RetryLater(String message, Duration after, Throwable cause) {
            super(message, cause);
            this.after = after;
        }

        /** The earliest sensible retry, or null to let the engine back off. */
        public Duration after() {
            return after;
        }
    }

    /** A setting cannot work. Start-up stops with a message naming the plugin and the key. */
    public static final class BadConfiguration extends PluginException {
        private final String key;

        public BadConfiguration(String key, String message) {
            super(message, null);
            this.key = key;
        }

        /** The configuration key at fault (relative to the plugin's subtree), or null. */
        public String key() {
            return key;
        }
    }

    /** One item (listing, response element, ...) is malformed; skip it and carry on. */
    public static final class BadItem extends PluginException {
        public BadItem(String message) {
            super(message, null);
        }

        public BadItem(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
