package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.Release;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog the matcher tiers are started with: the engine's catalog, or, for work run
 * {@link #within} a scope on the calling thread, that scope instead. The watches match a listing
 * against their wanted releases and those releases' siblings only, through the same tiers. Tiers read
 * the catalog from {@code match} on the caller's thread (the plugin API asks them to), so the scope
 * reaches exactly that one call.
 */
public final class ScopedCatalog implements Catalog {

    private final Catalog base;
    private final ThreadLocal<Catalog> scope = new ThreadLocal<>();

    public ScopedCatalog(Catalog base) {
        this.base = base;
    }

    /** Runs {@code work} with the tiers seeing only {@code scoped} on this thread. */
    public <T> T within(Catalog scoped, Supplier<T> work) {
        Catalog previous = scope.get();
        scope.set(scoped);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                scope.remove();
            } else {
                scope.set(previous);
            }
        }
    }

    private Catalog current() {
        Catalog scoped = scope.get();
        return scoped != null ? scoped : base;
    }

    @Override
    public Optional<Release> release(long id) {
        return current().release(id);
    }

    @Override
    public List<Release> byCatalogNumber(String catalogNumber) {
        return current().byCatalogNumber(catalogNumber);
    }

    @Override
    public List<Release> byBarcode(String barcode) {
        return current().byBarcode(barcode);
    }

    @Override
    public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
        return current().search(allOf, anyOf, limit);
    }

    @Override
    public long size() {
        return current().size();
    }

    /** What it is outside a scope: the base catalog's own description. */
    @Override
    public String toString() {
        return base.toString();
    }
}
