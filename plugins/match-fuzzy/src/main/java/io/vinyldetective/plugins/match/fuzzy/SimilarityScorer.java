package io.vinyldetective.plugins.match.fuzzy;

import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * How well one release explains one listing, 0..1, word by word.
 *
 * <p>Each artist and title word of the release is paired with the most similar unused word of the
 * listing title (exact, or within a small edit distance for longer words, or a prefix of the release
 * word when the title was cut short); item specifics may supply it too. Label words of the release
 * and marketplace noise ({@code VG+}, {@code LP}, {@code 180g}, countries, years, catalog numbers)
 * explain listing words without counting as evidence. What is left of the listing is unexplained.
 *
 * <p><b>recall</b> = share of the release's artist and title (by characters) found in the listing;
 * <b>precision</b> = share of the listing's meaningful words that the release explains. The score is
 * their harmonic mean, and zero unless both the artist and the title are mostly present, so a
 * "Greatest Hits" by someone else or "Artist Quartet" never passes for "Artist".
 */
final class SimilarityScorer {

    /** Words that say a listing is not one record (equipment, supplies, bulk lots). */
    static final Set<String> NOT_A_RECORD = Set.of("turntable", "turntables", "player", "stylus", "cartridge",
            "needle", "needles", "sleeves", "slipmat", "speaker", "speakers", "amplifier", "amp", "receiver",
            "preamp", "crate", "frame", "frames", "storage", "cleaner", "cleaning", "brush", "lot", "lots",
            "bundle", "collection", "joblot", "assorted", "wholesale", "mixed", "belt", "tonearm", "headshell",
            "shelf", "stand", "mailers", "mailer", "dividers");

    /** Edits with adjacent transpositions counted as one ("Mboley" is one edit from "Mobley"). */
    /** Roman numerals in titles ("Led Zeppelin II" = "Led Zeppelin 2"); i, v and x are too ambiguous. */
    private static final java.util.Map<String, String> ROMAN = java.util.Map.of("ii", "2", "iii", "3", "iv", "4",
            "vi", "6", "vii", "7", "viii", "8", "ix", "9");

    /** The similarity of a word of another script spelt in Latin letters another way. */
    private static final double OTHER_SPELLING = 0.95;

    /** How much of a given name a found surname stands for. */
    private static final double SURNAME_CREDIT = 0.8;

    private static final DamerauLevenshteinDistance EDITS = new DamerauLevenshteinDistance(2);

    /** The outcome for one release. */
    record Score(double value, double artistRecall, double titleRecall, double precision, boolean notARecord,
                 List<String> unexplained) {
    }

    private SimilarityScorer() {
    }

    static Score score(Release release, ListingText listing) {
        List<String> artist = new ArrayList<>();
        List<Integer> artistEnds = new ArrayList<>();
        for (String a : release.artists()) {
            artist.addAll(TextKeys.nameWords(a));
            artistEnds.add(artist.size());
        }
        List<String> title = TextKeys.nameWords(release.title());
        List<String> pool = listing.title();
        boolean[] used = new boolean[pool.size()];
        double[] poolCredit = new double[pool.size()];

        List<String> name = new ArrayList<>(artist);
        name.addAll(title);
        boolean otherScript = TextKeys.hasOtherScript(release.artistLine()) || TextKeys.hasOtherScript(release.title());
        double[] credit = align(name, artist.size(), pool, used, poolCredit, listing, otherScript);
        surnames(artist, artistEnds, credit);
        double[] artistPart = creditedArtists(artist, artistEnds, credit);
        double[] titlePart = part(title, credit, artist.size());
        for (Release.LabelCatalogNumber l : release.labels()) {
            for (String w : TextKeys.words(l.label())) {
                consumeSimilar(w, pool, used, listing.truncated());
            }
            for (String w : TextKeys.words(Evidence.printed(release, l))) {
                consumeExact(w, pool, used);
            }
        }
        for (String w : TextKeys.words(release.country())) {
            consumeExact(w, pool, used);
        }
        double explained = 0;
        double unexplained = 0;
        boolean notARecord = false;
        List<String> extras = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            String w = pool.get(i);
            if (used[i]) {
                explained += poolCredit[i];
                continue;
            }
            if (NOT_A_RECORD.contains(w)) {
                notARecord = true;
            }
            double weight = listing.extraWeight(i);
            if (weight > 0) {
                unexplained += weight;
                extras.add(w);
            }
        }
        double artistRecall = artistPart[1] == 0 ? 0 : artistPart[0] / artistPart[1];
        double titleRecall = titlePart[1] == 0 ? 0 : titlePart[0] / titlePart[1];
        double recall = (artistPart[0] + titlePart[0]) / Math.max(1, artistPart[1] + titlePart[1]);
        double precision = explained + unexplained == 0 ? 0 : explained / (explained + unexplained);
        double value = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        if (artistRecall < 0.6 || titleRecall < 0.6 || notARecord) {
            value = 0;
        }
        return new Score(value, artistRecall, titleRecall, precision, notARecord, extras);
    }

    /**
     * Pairs name words with listing words: exact pairs first (so a typo'd word cannot take the word
     * another name word spells exactly), then similar ones. A title word that repeats an artist word
     * found in the listing counts as found. Returns each name word's credit (weight times similarity).
     */
    private static double[] align(List<String> name, int artistWords, List<String> pool, boolean[] used,
                                  double[] poolCredit, ListingText listing, boolean otherScript) {
        double[] credit = new double[name.size()];
        boolean[] done = new boolean[name.size()];
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                joinedWords(name, pool, used, done, credit, poolCredit);
            }
            for (int n = 0; n < name.size(); n++) {
                if (done[n]) {
                    continue;
                }
                String w = name.get(n);
                int best = -1;
                double bestSim = 0;
                for (int i = 0; i < pool.size() && bestSim < 1; i++) {
                    if (used[i]) {
                        continue;
                    }
                    double sim = pass == 0 ? (w.equals(pool.get(i)) ? 1 : 0)
                            : similarity(w, pool.get(i), i == pool.size() - 1 && listing.truncated());
                    if (pass == 1 && otherScript && sim < OTHER_SPELLING
                            && TextKeys.spellingKey(w).equals(TextKeys.spellingKey(pool.get(i)))) {
                        sim = OTHER_SPELLING; // Cyrillic or Greek spelt in Latin another way: "laskovij" for "laskovyy"
                    }
                    if (sim > bestSim) {
                        bestSim = sim;
                        best = i;
                    }
                }
                if (best >= 0) {
                    used[best] = true;
                    done[n] = true;
                    credit[n] = nameWeight(w) * bestSim;
                    poolCredit[best] = credit[n];
                }
            }
        }
        for (int n = 0; n < name.size(); n++) {
            String w = name.get(n);
            if (!done[n] && n >= artistWords && name.subList(0, artistWords).contains(w)
                    && done[name.subList(0, artistWords).indexOf(w)]) {
                credit[n] = nameWeight(w); // a title that repeats the artist: "Led Zeppelin III" by Led Zeppelin
            } else if (!done[n] && listing.specifics().contains(w)) {
                credit[n] = nameWeight(w);
            } else if (!done[n] && TextKeys.STOP_WORDS.contains(w)) {
                credit[n] = nameWeight(w) * 0.5; // "and"/"the" left out of a name costs little
            }
        }
        return credit;
    }

    /**
     * Words written together or apart: {@code ACDC} for {@code AC/DC}, {@code B52s} for {@code B-52's},
     * {@code Motor head} for {@code Motorhead}. Exact only.
     */
    private static void joinedWords(List<String> name, List<String> pool, boolean[] used, boolean[] done,
                                    double[] credit, double[] poolCredit) {
        for (int n = 0; n + 1 < name.size(); n++) {
            if (done[n] || done[n + 1]) {
                continue;
            }
            String joined = name.get(n) + name.get(n + 1);
            for (int i = 0; i < pool.size(); i++) {
                if (!used[i] && pool.get(i).equals(joined)) {
                    used[i] = true;
                    done[n] = true;
                    done[n + 1] = true;
                    credit[n] = nameWeight(name.get(n));
                    credit[n + 1] = nameWeight(name.get(n + 1));
                    poolCredit[i] = credit[n] + credit[n + 1];
                    break;
                }
            }
        }
        for (int n = 0; n < name.size(); n++) {
            if (done[n]) {
                continue;
            }
            for (int i = 0; i + 1 < pool.size(); i++) {
                if (!used[i] && !used[i + 1] && name.get(n).equals(pool.get(i) + pool.get(i + 1))) {
                    used[i] = true;
                    used[i + 1] = true;
                    done[n] = true;
                    credit[n] = nameWeight(name.get(n));
                    poolCredit[i] = credit[n];
                    break;
                }
            }
        }
    }

    /**
     * A person named by surname ({@code Vivaldi} for {@code Antonio Vivaldi}, {@code Beethoven} for
     * {@code Ludwig van Beethoven}), as classical sellers name composers and performers: when only the
     * last word of a two- or three-word name is found, the given names count for most of theirs.
     */
    private static void surnames(List<String> artist, List<Integer> ends, double[] credit) {
        int from = 0;
        for (int end : ends) {
            int size = end - from;
            String last = size == 2 || size == 3 ? artist.get(end - 1) : ""; // "!!!" has no words at all
            if (!last.isEmpty() && !TextKeys.hasDigit(last) && last.length() >= 4
                    && credit[end - 1] >= 0.9 * nameWeight(last)) {
                boolean givenMissing = true;
                for (int n = from; n < end - 1; n++) {
                    givenMissing &= credit[n] == 0;
                }
                if (givenMissing) {
                    for (int n = from; n < end - 1; n++) {
                        credit[n] = SURNAME_CREDIT * nameWeight(artist.get(n));
                    }
                }
            }
            from = end;
        }
    }

    /**
     * {found weight, total weight} of the artists the listing names: a release credited to several
     * artists (composer, soloist, orchestra; a singer and a band) is often listed by some of them only,
     * so artists not found at all are left out, unless none is found.
     */
    private static double[] creditedArtists(List<String> artist, List<Integer> ends, double[] credit) {
        double found = 0;
        double total = 0;
        int from = 0;
        for (int end : ends) {
            double[] p = part(artist.subList(from, end), credit, from);
            if (p[0] > 0 || ends.size() == 1) {
                found += p[0];
                total += p[1];
            }
            from = end;
        }
        return total == 0 ? part(artist, credit, 0) : new double[] {found, total};
    }

    /** {found weight, total weight} of the name words {@code from .. from + words.size()}. */
    private static double[] part(List<String> words, double[] credit, int from) {
        double found = 0;
        double total = 0;
        for (int n = 0; n < words.size(); n++) {
            found += credit[from + n];
            total += nameWeight(words.get(n));
        }
        return new double[] {found, total};
    }

    /** 1 for the same word; less for a typo in a longer word or a cut-off last word; 0 otherwise. */
    static double similarity(String name, String word, boolean mayBePartial) {
        if (name.equals(word) || name.equals(ROMAN.get(word)) || word.equals(ROMAN.get(name))) {
            return 1;
        }
        if (mayBePartial && word.length() >= 3 && name.startsWith(word)) {
            return 0.9;
        }
        int longer = Math.max(name.length(), word.length());
        if (Math.min(name.length(), word.length()) < 5 || TextKeys.hasDigit(name) || TextKeys.hasDigit(word)) {
            return 0;
        }
        int allowed = longer >= 8 ? 2 : 1;
        if (Math.abs(name.length() - word.length()) > allowed) {
            return 0;
        }
        int d = EDITS.apply(name, word);
        return d < 0 || d > allowed ? 0 : 1.0 - (double) d / longer;
    }

    /** Stop words count little; short words (II, 2, Vol) count as three letters, so they are not free to miss. */
    private static double nameWeight(String w) {
        return TextKeys.STOP_WORDS.contains(w) ? 1 : Math.max(3, w.length());
    }

    /** What an unexplained listing word costs: nothing for noise, stop words, years and catalog-number-like words. */
    static double extraWeight(String w, boolean partial) {
        if (partial || TextKeys.isListingNoise(w) || TextKeys.STOP_WORDS.contains(w) || TextKeys.isYear(w)) {
            return 0;
        }
        if (TextKeys.hasDigit(w)) {
            return w.length() <= 2 ? 3 : 0; // "Vol 2" names another volume; long numbers are catalog numbers
        }
        if (w.length() <= 1 || isMisspeltNoise(w)) {
            return 0;
        }
        return Math.max(3, w.length());
    }

    private static void consumeExact(String w, List<String> pool, boolean[] used) {
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i] && pool.get(i).equals(w)) {
                used[i] = true;
                return;
            }
        }
    }

    /** Marks the listing word most like {@code w} (a label word, possibly misspelt) as explained. */
    private static void consumeSimilar(String w, List<String> pool, boolean[] used, boolean truncated) {
        int best = -1;
        double bestSim = 0;
        for (int i = 0; i < pool.size(); i++) {
            double sim = used[i] ? 0 : similarity(w, pool.get(i), truncated && i == pool.size() - 1);
            if (sim > bestSim) {
                bestSim = sim;
                best = i;
            }
        }
        if (best >= 0) {
            used[best] = true;
        }
    }

    /** A misspelt noise word ("Eurpoe", "Gatfold", "Recrds"): one edit from a noise word of five letters or more. */
    static boolean isMisspeltNoise(String w) {
        if (w.length() < 5) {
            return false;
        }
        Boolean known = MISSPELT_NOISE.get(w);
        if (known != null) {
            return known;
        }
        if (MISSPELT_NOISE.size() > 20_000) {
            MISSPELT_NOISE.clear(); // sellers' words repeat; a bound keeps a long run from growing it
        }
        boolean misspelt = againstNoise(w);
        MISSPELT_NOISE.put(w, misspelt);
        return misspelt;
    }

    /** Answers of {@link #isMisspeltNoise}, which compares a word with every noise word. */
    private static final java.util.Map<String, Boolean> MISSPELT_NOISE = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean againstNoise(String w) {
        for (String noise : TextKeys.listingNoise()) {
            if (noise.length() >= 5 && Math.abs(noise.length() - w.length()) <= 1 && similarity(noise, w, false) > 0) {
                return true;
            }
        }
        return false;
    }
}
