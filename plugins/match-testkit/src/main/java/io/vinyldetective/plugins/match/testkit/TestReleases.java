package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Short-hand for hand-written catalog entries and listings in golden tests. */
public final class TestReleases {

    private TestReleases() {
    }

    public static Builder release(long id, String artist, String title, MediaFormat format) {
        return new Builder(id, artist, title, format);
    }

    public static Listing listing(String title, MediaFormat format) {
        return Listing.forMatching("t-" + Math.abs(title.hashCode()), title, null, format, null, Map.of());
    }

    public static Listing listing(String title, MediaFormat format, String gtin, Map<String, String> aspects) {
        return Listing.forMatching("t-" + Math.abs(title.hashCode()), title, null, format, gtin, aspects);
    }

    /** Builds one {@link Release}. */
    public static final class Builder {
        private final long id;
        private final List<String> artists = new ArrayList<>();
        private final String title;
        private final MediaFormat format;
        private final List<Release.LabelCatalogNumber> labels = new ArrayList<>();
        private final List<String> barcodes = new ArrayList<>();
        private String country;
        private Integer year;
        private Long master;

        private Builder(long id, String artist, String title, MediaFormat format) {
            this.id = id;
            this.artists.add(artist);
            this.title = title;
            this.format = format;
        }

        public Builder label(String label, String catalogNumber) {
            labels.add(new Release.LabelCatalogNumber(label, catalogNumber));
            return this;
        }

        public Builder barcode(String barcode) {
            barcodes.add(barcode);
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Builder year(int year) {
            this.year = year;
            return this;
        }

        public Builder master(long master) {
            this.master = master;
            return this;
        }

        public Release build() {
            return new Release(id, title, artists, labels, barcodes, format,
                    format == null ? null : format.displayName(), country, year, master);
        }
    }
}
