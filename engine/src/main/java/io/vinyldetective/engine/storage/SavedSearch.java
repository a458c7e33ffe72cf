package io.vinyldetective.engine.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A search a subscriber saved: what to look for, the price cap and deal threshold, how often to poll.
 *
 * @param id                  assigned on save; null before
 * @param chatId              the subscriber's chat
 * @param query               the marketplace query text
 * @param format              a {@code MediaFormat} name, or null for any format
 * @param maxPrice            the price cap, or null
 * @param currency            the currency of {@code maxPrice}, or null
 * @param threshold           the smallest deal score that alerts (0.25 = 25 % under the reference price)
 * @param pollIntervalSeconds how often to poll
 * @param active              false when paused
 * @param createdAt           when it was saved
 * @param lastPolledAt        the last poll, or null
 * @param alertWithoutShipping whether listings with an unknown shipping cost may alert (price alone compared)
 * @param includeAuctions     whether auctions ending soon are alerted too (at their current bid)
 */
@MappedEntity("saved_searches")
public record SavedSearch(
        @Id @GeneratedValue @Nullable Long id,
        String chatId,
        String query,
        @Nullable String format,
        @Nullable BigDecimal maxPrice,
        @Nullable String currency,
        double threshold,
        int pollIntervalSeconds,
        boolean active,
        Instant createdAt,
        @Nullable @MappedProperty("last_polled_at") Instant lastPolledAt,
        boolean alertWithoutShipping,
        boolean includeAuctions) {

    /** A copy with another threshold and state. */
    public SavedSearch with(double newThreshold, boolean newActive) {
        return new SavedSearch(id, chatId, query, format, maxPrice, currency, newThreshold, pollIntervalSeconds, newActive,
                createdAt, lastPolledAt, alertWithoutShipping, includeAuctions);
    }
}
