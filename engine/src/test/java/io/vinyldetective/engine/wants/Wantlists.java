package io.vinyldetective.engine.wants;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import java.util.List;
import java.util.Optional;

/** Releases as a wantlist shows them, and eBay's OR syntax, for the tests of the watches. */
public final class Wantlists {

    private Wantlists() {
    }

    /** A wanted release as a wantlist entry shows it: no barcodes. */
    public static Release wanted(long id, String artist, String title, String catno, MediaFormat format, Long master) {
        return new Release(id, title, List.of(artist), List.of(new Release.LabelCatalogNumber("Label", catno)), List.of(),
                format, format == null ? null : format.displayName(), "US", 1960, master);
    }

    /** eBay's {@code anyOf}: {@code (a, b)} within 100 characters. */
    public static Optional<String> ebayAnyOf(List<String> terms) {
        String q = terms.size() == 1 ? terms.get(0) : "(" + String.join(", ", terms) + ")";
        return q.length() <= 100 ? Optional.of(q) : Optional.empty();
    }
}
