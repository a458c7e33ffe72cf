package io.vinyldetective.api;

import java.util.Locale;

/** The Goldmine grading scale Discogs uses for media condition, best first. */
public enum Grade {
    MINT("Mint (M)"),
    NEAR_MINT("Near Mint (NM or M-)"),
    VERY_GOOD_PLUS("Very Good Plus (VG+)"),
    VERY_GOOD("Very Good (VG)"),
    GOOD_PLUS("Good Plus (G+)"),
    GOOD("Good (G)"),
    FAIR("Fair (F)"),
    POOR("Poor (P)");

    private final String discogsName;

    Grade(String discogsName) {
        this.discogsName = discogsName;
    }

    /** The exact condition name Discogs uses in price suggestions and the marketplace. */
    public String discogsName() {
        return discogsName;
    }

    /** The grade for a Discogs condition name, or null when the name is not one (unknown keys are skipped). */
    public static Grade fromDiscogsName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Grade g : values()) {
            if (g.discogsName.toLowerCase(Locale.ROOT).equals(n)) {
                return g;
            }
        }
        return null;
    }
}
