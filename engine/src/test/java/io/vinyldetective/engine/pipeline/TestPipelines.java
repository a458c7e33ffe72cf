package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.engine.catalog.ScopedCatalog;
import java.util.List;
import java.util.Map;

/** Pipelines made of in-process extensions, for tests of what runs on top of a pipeline. */
public final class TestPipelines {

    private TestPipelines() {
    }

    /** One source, an optional oracle, the tiers in order and one notifier, under test plugin ids. */
    public static Pipeline of(ListingSource source, PriceOracle oracle, List<MatcherTier> tiers, Notifier notifier) {
        return of(source, oracle, tiers, notifier, new ScopedCatalog(Catalog.empty()));
    }

    /**
     * The same, with the catalog the tiers read ({@code catalog}): tiers that read it must have been
     * started with it, so the watches' scopes reach them.
     */
    public static Pipeline of(ListingSource source, PriceOracle oracle, List<MatcherTier> tiers, Notifier notifier,
                              ScopedCatalog catalog) {
        return new Pipeline(List.of(new Stage<>("ebay", source)),
                oracle == null ? null : new Stage<>("discogs", oracle),
                tiers.stream().map(t -> new Stage<>("tier-" + t.method(), t)).toList(),
                notifier == null ? List.of() : List.of(new Stage<>("telegram", notifier)), List.of(), catalog);
    }

    /** A pipeline of notifiers only, under the given plugin ids, in the map's order. */
    public static Pipeline notifiers(Map<String, Notifier> byId) {
        return new Pipeline(List.of(), null, List.of(),
                byId.entrySet().stream().map(e -> new Stage<>(e.getKey(), e.getValue())).toList(), List.of(),
                new ScopedCatalog(Catalog.empty()));
    }
}
