package io.vinyldetective.api;

import java.util.Optional;

/**
 * One way of telling which release a listing is. Tiers run in the configured order; the first
 * {@linkplain MatchResult#confident() confident} result wins.
 *
 * <p>A tier reads the catalog through {@link PluginContext#catalog()}. It must respect the
 * listing's format (a CD listing never matches a vinyl release) and, when several pressings fit
 * equally, return all of them. Thread-safe after {@code start}; called for many listings at once.
 * Read the catalog from within {@code match}, on the calling thread, and do not keep what it answered
 * between calls: the engine may narrow the catalog for one call (the releases a batch of watches wants).
 */
public interface MatcherTier extends PipelineExtension {

    /** The method name results carry, e.g. {@code catalog_no}, {@code barcode}, {@code fuzzy}. */
    String method();

    /**
     * The release(s) this listing is, or empty when this tier cannot tell.
     *
     * @throws PluginException.BadItem when the listing itself is unusable
     */
    Optional<MatchResult> match(Listing listing);
}
