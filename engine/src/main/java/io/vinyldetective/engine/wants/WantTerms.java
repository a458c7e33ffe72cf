package io.vinyldetective.engine.wants;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words a watch is searched by. The first artist, when there is one: sellers put it in every title,
 * and all the watches of one artist then share it. For compilations and unknown artists, the catalog
 * number, or else the title. In lower case, but spelt as Discogs spells it (accents, dots: the
 * marketplace reads query and titles alike, so {@code F.U.S.E.} finds {@code F.U.S.E.}), without
 * Discogs' {@code (2)} or a leading {@code The}, at most {@value #MAX_WORDS} words.
 */
final class WantTerms {

    static final int MAX_WORDS = 4;
    static final String ANY_FORMAT = "ANY";
    private static final Set<String> NO_ARTIST = Set.of("various", "various artists", "unknown artist", "no artist",
            "anonymous", "traditional");

    private WantTerms() {
    }

    /** The term a watch is searched by; never empty for a want with a title. */
    static String term(Want want) {
        String artist = words(want.firstArtist() != null ? want.firstArtist() : want.artist());
        if (!artist.isEmpty() && !NO_ARTIST.contains(String.join(" ", TextKeys.words(artist)))) {
            return artist;
        }
        String catno = words(want.catalogNumber());
        return catno.isEmpty() ? words(want.title()) : catno;
    }

    /** The batch format a watch belongs to: its own format's category, or every music format. */
    static String format(Want want) {
        MediaFormat f = want.format();
        return f == null || f == MediaFormat.OTHER ? ANY_FORMAT : f.name();
    }

    private static String words(String text) {
        String name = TextKeys.withoutDisambiguation(text == null ? "" : text).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(List.of(name.replaceAll("[(),\"*]", " ").strip().split("\\s+")));
        words.removeIf(w -> w.isEmpty() || w.equals("&") || w.equals("-"));
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        return String.join(" ", words.subList(0, Math.min(MAX_WORDS, words.size())));
    }
}
