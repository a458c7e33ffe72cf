package io.vinyldetective.api;

import java.util.List;
import java.util.Objects;

/**
 * One catalog release (a Discogs release: one pressing of one record).
 *
 * @param id       the catalog's id (the Discogs release id)
 * @param title    the release title
 * @param artists  artist names in credit order, with Discogs' {@code (2)} suffixes removed; never null
 * @param labels   every label and catalog number printed on the release; never null
 * @param barcodes every barcode, digits only; never null
 * @param format   the main format, or null when unknown
 * @param formatDescription the full Discogs format text, e.g. {@code Vinyl, LP, Album, Reissue}; may be null
 * @param country  the release country, or null
 * @param year     the release year, or null
 * @param masterId the master release it belongs to, or null
 */
public record Release(
        long id,
        String title,
        List<String> artists,
        List<LabelCatalogNumber> labels,
        List<String> barcodes,
        MediaFormat format,
        String formatDescription,
        String country,
        Integer year,
        Long masterId) {

    public Release {
        Objects.requireNonNull(title, "title");
        artists = artists == null ? List.of() : List.copyOf(artists);
        labels = labels == null ? List.of() : List.copyOf(labels);
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
    }

    /** Artists joined for display, e.g. {@code Miles Davis & John Coltrane}. */
    public String artistLine() {
        return String.join(" & ", artists);
    }

    /** A label and the catalog number it printed on this release; {@code catalogNumber} may be null. */
    public record LabelCatalogNumber(String label, String catalogNumber) {
    }
}
