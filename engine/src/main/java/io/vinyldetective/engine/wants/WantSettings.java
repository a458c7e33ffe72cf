package io.vinyldetective.engine.wants;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How wantlists are followed ({@code vinyl-detective.wants.*}).
 *
 * @param pollInterval    how often each batch of watches is searched ({@code WANTLIST_POLL_INTERVAL})
 * @param syncEvery       how often a followed wantlist is read again
 * @param retryAfter      when a read that failed (Discogs unreachable) is tried again
 * @param ownerUsername   the Discogs user whose wantlist the owner's chat follows ({@code DISCOGS_USERNAME});
 *                        empty for none
 * @param maxWantsPerChat the most wants watched for one chat (the first ones of the list); each new want
 *                        costs a few paced Discogs requests once
 * @param versionsMaxAge  how long a master's pressings, once read, are taken as known
 */
@ConfigurationProperties(WantSettings.PREFIX)
public record WantSettings(
        @Bindable(defaultValue = "1h") Duration pollInterval,
        @Bindable(defaultValue = "1d") Duration syncEvery,
        @Bindable(defaultValue = "15m") Duration retryAfter,
        @Bindable(defaultValue = "") String ownerUsername,
        @Bindable(defaultValue = "2000") int maxWantsPerChat,
        @Bindable(defaultValue = "30d") Duration versionsMaxAge) {

    public static final String PREFIX = "vinyl-detective.wants";

    public WantSettings {
        ownerUsername = ownerUsername == null ? "" : ownerUsername.strip();
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            pollInterval = Duration.ofHours(1);
        }
        if (syncEvery == null || syncEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            syncEvery = Duration.ofDays(1);
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            retryAfter = Duration.ofMinutes(15);
        }
        if (maxWantsPerChat < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-wants-per-chat must be at least 1");
        }
        if (versionsMaxAge == null || versionsMaxAge.isNegative()) {
            versionsMaxAge = Duration.ofDays(30);
        }
    }

    /** The defaults, for tests and tools. */
    public static WantSettings defaults() {
        return new WantSettings(Duration.ofHours(1), Duration.ofDays(1), Duration.ofMinutes(15), "", 2000,
                Duration.ofDays(30));
    }
}
