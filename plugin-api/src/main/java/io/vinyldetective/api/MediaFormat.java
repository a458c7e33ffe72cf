package io.vinyldetective.api;

import java.util.Locale;

/** The physical format of a listing or a release, as far as matching and pricing care. */
public enum MediaFormat {
    VINYL, CD, CASSETTE, OTHER;

    /**
     * Maps a marketplace or Discogs format name ({@code Vinyl}, {@code LP}, {@code CD}, {@code CDr},
     * {@code Cassette}, ...) to a format; {@code null} or blank gives {@code null} (unknown).
     */
    public static MediaFormat fromName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "vinyl": case "lp": case "ep": case "12\"": case "7\"": case "10\"": case "records": case "record":
            case "lathe cut": case "acetate": case "flexi-disc": case "shellac":
                return VINYL;
            case "cd": case "cdr": case "cds": case "sacd": case "hybrid": case "cd single":
                return CD;
            case "cassette": case "cassettes": case "tape": case "mc":
                return CASSETTE;
            default:
                return OTHER;
        }
    }

    /** The name shown to users: {@code Vinyl}, {@code CD}, {@code Cassette}, {@code Other}. */
    public String displayName() {
        switch (this) {
            case VINYL: return "Vinyl";
            case CD: return "CD";
            case CASSETTE: return "Cassette";
            default: return "Other";
        }
    }
}
