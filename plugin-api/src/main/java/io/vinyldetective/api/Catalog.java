package io.vinyldetective.api;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the release catalog (filled from Discogs dumps and on demand from the price
 * oracle). Thread-safe; every method answers from the local database and never calls out.
 * Results are never null.
 */
public interface Catalog {

    Optional<Release> release(long id);

    /** Releases printed with this catalog number, compared after {@link CatalogKeys#catalogNumber}. */
    List<Release> byCatalogNumber(String catalogNumber);

    /** Releases with this barcode, compared after {@link CatalogKeys#barcode}. */
    List<Release> byBarcode(String barcode);

    /**
     * Full-text candidates over artist, title and label, best first: releases that contain every
     * term of {@code allOf} and, when {@code anyOf} is not empty, at least one of {@code anyOf}.
     * Terms are plain words (no query syntax; case and diacritics do not matter).
     */
    List<Release> search(List<String> allOf, List<String> anyOf, int limit);

    /** How many releases the catalog holds. */
    long size();

    /**
     * A catalog that holds nothing: for plugins started where no catalog is wanted (checks, tests).
     *
     * @since 1.1.0
     */
    static Catalog empty() {
        return EmptyCatalog.INSTANCE;
    }
}
