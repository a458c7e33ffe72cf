package io.vinyldetective.api;

import java.time.Duration;
import java.util.Optional;

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
        private final transient HttpReply lastReply;

        public RetryLater(String message, Duration after) {
            this(message, after, null);
        }

        public RetryLater(String message, Duration after, Throwable cause) {
            this(message, after, cause, null);
        }

        /**
         * A retry-later that carries the last answer received, so the plugin can read the
         * service's own error body (e.g. a quota error code in a 429).
         *
         * @since 1.1.0
         */
        public RetryLater(String message, Duration after, Throwable cause, HttpReply lastReply) {
            super(message, cause);
            this.after = after;
            this.lastReply = lastReply;
        }

        /**
         * The last HTTP answer when the {@link HttpGateway} gave up on a status (429, 5xx); empty
         * when no answer came (timeout, connection failure) or the exception came from elsewhere.
         *
         * @since 1.1.0
         */
        public Optional<HttpReply> lastReply() {
            return Optional.ofNullable(lastReply);
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
