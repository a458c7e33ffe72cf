package io.vinyldetective.plugins.match.fuzzy;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Matcher tier {@code fuzzy}: artist and title in free text.
 *
 * <ol>
 *   <li>Candidates from the catalog's full-text index: every release holding the listing's two most
 *       distinctive words (longest, not noise) and, ranked first, more of the others. When a typo
 *       leaves that empty, one of the two is dropped (at most {@code max-queries} queries); a word of
 *       six letters or more may then be searched alone.</li>
 *   <li>Candidates are grouped into works (same artist, title and master); each work is scored by
 *       {@link SimilarityScorer} against the listing.</li>
 *   <li>The best work is accepted only when its score reaches {@code min-score} and is at least
 *       {@code margin} ahead of the runner-up work (in any format). Its pressings in the listing's
 *       format are returned, narrowed to the catalog number, label, year or country the listing names when that
 *       leaves any; none in that format means no match (a CD listing never becomes the LP), and so does a
 *       catalog number in the listing that none of the work's pressings carries (another pressing).</li>
 * </ol>
 */
@Extension
public final class FuzzyMatcher implements MatcherTier {

    public static final String METHOD = "fuzzy";

    public static final ConfigKey MIN_SCORE = ConfigKey.optional("min-score", ConfigKey.Type.DECIMAL, "0.9",
            "The least similarity (0..1) of the best work; results below it are not reported.");
    public static final ConfigKey MARGIN = ConfigKey.optional("margin", ConfigKey.Type.DECIMAL, "0.04",
            "How far (0..1) the best work must be ahead of the runner-up.");
    public static final ConfigKey CANDIDATES = ConfigKey.optional("candidates", ConfigKey.Type.INT, "40",
            "How many full-text candidates to score per query.");
    public static final ConfigKey MAX_QUERIES = ConfigKey.optional("max-queries", ConfigKey.Type.INT, "3",
            "The most full-text queries per listing (later ones only when earlier ones found nothing).");

    /** The fewest letters of a word searched for alone (the other word of a two-word name misspelt). */
    private static final int ALONE = 6;

    private Catalog catalog;
    private double minScore;
    private double margin;
    private int candidates;
    private int maxQueries;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(MIN_SCORE, MARGIN, CANDIDATES, MAX_QUERIES);
    }

    @Override
    public void start(PluginContext context) {
        catalog = context.catalog();
        minScore = fraction(context, MIN_SCORE);
        margin = fraction(context, MARGIN);
        candidates = atLeastOne(context, CANDIDATES);
        maxQueries = atLeastOne(context, MAX_QUERIES);
    }

    @Override
    public Optional<MatchResult> match(Listing listing) {
        ListingText text = ListingText.of(listing);
        List<Release> found = candidates(text.queryTerms());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Release>> works = new LinkedHashMap<>();
        for (Release r : found) {
            works.computeIfAbsent(workKey(r), k -> new ArrayList<>()).add(r);
        }
        List<Scored> scored = new ArrayList<>();
        for (List<Release> work : works.values()) {
            scored.add(new Scored(work, SimilarityScorer.score(work.get(0), text)));
        }
        scored.sort((x, y) -> Double.compare(y.score.value(), x.score.value()));
        Scored best = scored.get(0);
        if (best.score.value() < minScore) {
            return Optional.empty();
        }
        MediaFormat format = listing.format() != null ? listing.format() : TextKeys.formatNamed(text.title());
        Evidence evidence = Evidence.of(text);
        double runnerUp = scored.size() > 1 ? scored.get(1).score.value() : 0;
        if (best.score.value() - runnerUp < margin && !onlyFullArtist(best, scored)) {
            // Namesakes or same-titled works: only a pressing detail the listing names can pick one.
            double top = best.score.value();
            List<Scored> named = scored.stream()
                    .filter(x -> top - x.score.value() < margin)
                    .filter(x -> sameFormat(x.work, format).stream().anyMatch(evidence::names))
                    .toList();
            if (named.size() != 1) {
                return Optional.empty();
            }
            best = named.get(0);
            runnerUp = scored.get(0) == best ? scored.get(1).score.value() : scored.get(0).score.value();
        }
        List<Release> pressings = sameFormat(best.work, format);
        if (pressings.isEmpty() || evidence.namesAnotherCatalogNumber(best.work)) {
            return Optional.empty();
        }
        pressings = evidence.narrow(pressings);
        Release first = pressings.get(0);
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "artist and title %s – %s (similarity %.2f, runner-up %.2f)",
                first.artistLine(), first.title(), best.score.value(), runnerUp));
        if (pressings.size() > 1) {
            reasons.add(pressings.size() + " pressings fit");
        } else if (evidence.names(first)) {
            reasons.add("pressing named: " + (first.country() == null ? "" : first.country() + " ")
                    + (first.year() == null ? "" : first.year()));
        }
        return Optional.of(new MatchResult(pressings.stream().map(Release::id).toList(), METHOD,
                Math.min(1, best.score.value()), reasons));
    }

    private List<Release> candidates(List<String> terms) {
        if (terms.isEmpty()) {
            return List.of();
        }
        List<List<String>> required = new ArrayList<>();
        if (terms.size() >= 2) {
            required.add(List.of(terms.get(0), terms.get(1)));
            required.add(List.of(terms.get(0)));
            required.add(List.of(terms.get(1)));
        } else {
            required.add(List.of(terms.get(0)));
        }
        for (int q = 0; q < Math.min(maxQueries, required.size()); q++) {
            List<String> allOf = required.get(q);
            List<String> anyOf = new ArrayList<>(terms.subList(0, Math.min(terms.size(), 8)));
            anyOf.removeAll(allOf);
            if (q > 0) {
                anyOf.removeAll(terms.subList(0, 2)); // the word left out is likely misspelt: no use as an option either
            }
            if (q > 0 && anyOf.isEmpty() && allOf.get(0).length() < ALONE) {
                continue; // a short word alone is too loose; a long one is rare enough ("Flowerhead" when "Stacide" is misspelt)
            }
            List<Release> found = catalog.search(allOf, anyOf, candidates);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * Whether the best work is the only one near it whose artists the listing names in full: the
     * others are near only through a surname standing for a full name ("Slayer" names Slayer, and
     * Kavori Slayer only by surname), so the listing means the best.
     */
    private boolean onlyFullArtist(Scored best, List<Scored> scored) {
        if (!fullArtist(best)) {
            return false;
        }
        double top = best.score.value();
        return scored.stream().filter(x -> x != best && top - x.score.value() < margin).noneMatch(FuzzyMatcher::fullArtist);
    }

    private static boolean fullArtist(Scored s) {
        return s.score.artistRecall() >= 1 - 1e-9;
    }

    private static List<Release> sameFormat(List<Release> work, MediaFormat format) {
        if (format != null) {
            return work.stream().filter(r -> r.format() == format).toList();
        }
        long formats = work.stream().map(Release::format).distinct().count();
        return formats == 1 ? work : List.of();
    }

    private record Scored(List<Release> work, SimilarityScorer.Score score) {
    }

    private static String workKey(Release r) {
        StringBuilder sb = new StringBuilder();
        for (String a : r.artists()) {
            sb.append(TextKeys.nameKey(a)).append(' ');
        }
        // Different masters are different works even under one name (self-titled albums, namesakes).
        return sb.append('|').append(TextKeys.nameKey(r.title())).append('|').append(r.masterId()).toString();
    }

    private static double fraction(PluginContext context, ConfigKey key) {
        BigDecimal v = context.config().decimal(key.name());
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new PluginException.BadConfiguration(key.name(), "'" + key.name() + "' must be within 0..1, not " + v);
        }
        return v.doubleValue();
    }

    private static int atLeastOne(PluginContext context, ConfigKey key) {
        int v = context.config().integer(key.name());
        if (v < 1) {
            throw new PluginException.BadConfiguration(key.name(), "'" + key.name() + "' must be at least 1, not " + v);
        }
        return v;
    }
}
