package io.vinyldetective.api;

import java.util.List;
import java.util.Optional;

/**
 * A price source that also knows releases: what a release is worth, and which releases a catalog
 * number, barcode or text belongs to (so the catalog can be filled on demand).
 *
 * <p>The engine stores whatever the oracle returns (releases in the catalog, quotes with their
 * timestamps), so an oracle needs no persistence of its own. Thread-safe after {@code start}.
 * Lookups that find nothing return an empty list, never null.
 */
public interface PriceOracle extends PipelineExtension {

    /**
     * Reference prices for a release in a currency: one per condition where the source knows
     * them, plus condition-independent figures (e.g. lowest listed). Empty when the source has
     * none. Must not convert currencies: ask the source in {@code currency} or return nothing.
     *
     * @throws PluginException.RetryLater when the source is unavailable or rate-limited for now
     */
    List<PriceQuote> prices(long releaseId, String currency, Urgency urgency);

    /** Releases printed with this catalog number (any spelling: the oracle normalises). */
    default List<Release> releasesByCatalogNumber(String catalogNumber, Urgency urgency) {
        return List.of();
    }

    /** Releases with this barcode (digits only). */
    default List<Release> releasesByBarcode(String barcode, Urgency urgency) {
        return List.of();
    }

    /**
     * Releases for an artist and title, optionally of one format. With a null artist, {@code title}
     * is free text (e.g. the words of a listing title) to be searched in every field.
     */
    default List<Release> searchReleases(String artist, String title, MediaFormat format, Urgency urgency) {
        return List.of();
    }

    /** One release in full, when the source has it. */
    default Optional<Release> release(long releaseId, Urgency urgency) {
        return Optional.empty();
    }

    /**
     * A user's wantlist, every page of it, paced like every other request. Empty when this oracle's
     * service has no wantlists. A list that cannot be read is answered, not thrown: see
     * {@link Wantlist.Access}.
     *
     * @throws PluginException.RetryLater when the service is unavailable for now, also part-way through
     *                                    the pages (a list is never returned half read)
     * @since 1.2.0
     */
    default Optional<Wantlist> wantlist(String username, Urgency urgency) {
        return Optional.empty();
    }

    /**
     * Every pressing of a master release (Discogs: {@code /masters/{id}/versions}), as far as the service
     * describes them in a list: title, label and catalog number, format, country, year, and
     * {@code masterId}. Artists are those of the master. Empty when the master is unknown or the
     * service has no masters.
     *
     * @throws PluginException.RetryLater when the service is unavailable for now
     * @since 1.2.0
     */
    default List<Release> masterVersions(long masterId, List<String> artists, Urgency urgency) {
        return List.of();
    }

    /** The request budget left, when the source has one. */
    default Optional<Budget> budget() {
        return Optional.empty();
    }
}
