package io.vinyldetective.api;

import java.util.List;
import java.util.Optional;

/** The catalog that holds nothing ({@link Catalog#empty()}). */
final class EmptyCatalog implements Catalog {

    static final EmptyCatalog INSTANCE = new EmptyCatalog();

    private EmptyCatalog() {
    }

    @Override
    public Optional<Release> release(long id) {
        return Optional.empty();
    }

    @Override
    public List<Release> byCatalogNumber(String catalogNumber) {
        return List.of();
    }

    @Override
    public List<Release> byBarcode(String barcode) {
        return List.of();
    }

    @Override
    public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
        return List.of();
    }

    @Override
    public long size() {
        return 0;
    }
}
