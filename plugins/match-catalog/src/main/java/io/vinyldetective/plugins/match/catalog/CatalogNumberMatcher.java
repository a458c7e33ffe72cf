package io.vinyldetective.plugins.match.catalog;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingWords;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Matcher tier {@code catalog_no}: catalog numbers found in the title and item specifics (see
 * {@link CatalogNumberFinder}), looked up in the catalog, checked against the listing's format and
 * words.
 *
 * <p>A <em>specific</em> number (one work in the catalog, not short and generic) is accepted when the
 * listing's artist, title or label words agree, or when the listing has nothing to disagree with.
 * A <em>generic</em> number ({@code LP 1}, {@code 001}, {@code REC-01}, or one the catalog shows on
 * several works) counts only when artist and title (or one of them and the label) agree and exactly
 * one work fits. Every same-format pressing of the work carrying the number is returned, the ones
 * whose country or year the listing names first.
 */
@Extension
public final class CatalogNumberMatcher implements MatcherTier {

    public static final String METHOD = "catalog_no";

    public static final ConfigKey MAX_LOOKUPS = ConfigKey.optional("max-lookups", ConfigKey.Type.INT, "12",
            "The most catalog-number candidates looked up per listing (each is one indexed catalog query).");
    public static final ConfigKey MAX_WORDS = ConfigKey.optional("max-words", ConfigKey.Type.INT, "4",
            "The most words a catalog number may span in a title (CDP 7 46095 2 is four).");
    public static final ConfigKey GENERIC_MAX_LENGTH = ConfigKey.optional("generic-max-length", ConfigKey.Type.INT,
            "5", "Catalog numbers this short with at most two significant digits (LP 1, REC-01, 001) are generic.");

    static final double CONFIDENCE_CORROBORATED = 0.97;
    static final double CONFIDENCE_GENERIC = 0.93;
    static final double CONFIDENCE_ALONE = 0.9;

    private Catalog catalog;
    private CatalogNumberFinder finder;
    private int maxLookups;
    private int genericMaxLength;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(MAX_LOOKUPS, MAX_WORDS, GENERIC_MAX_LENGTH);
    }

    @Override
    public void start(PluginContext context) {
        this.catalog = context.catalog();
        this.maxLookups = positive(context, MAX_LOOKUPS);
        this.finder = new CatalogNumberFinder(positive(context, MAX_WORDS));
        this.genericMaxLength = positive(context, GENERIC_MAX_LENGTH);
    }

    private static int positive(PluginContext context, ConfigKey key) {
        int v = context.config().integer(key.name());
        if (v < 1) {
            throw new io.vinyldetective.api.PluginException.BadConfiguration(key.name(),
                    "'" + key.name() + "' must be at least 1, not " + v);
        }
        return v;
    }

    @Override
    public Optional<MatchResult> match(Listing listing) {
        List<CatalogNumberFinder.Candidate> candidates = finder.find(listing);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        ListingWords words = ListingWords.of(listing);
        MediaFormat format = listing.format() != null ? listing.format() : TextKeys.formatNamed(words.title());
        Verdict best = null;
        int lookups = 0;
        for (CatalogNumberFinder.Candidate c : candidates) {
            if (lookups++ >= maxLookups) {
                break;
            }
            // As written: the catalog compares keys, and an online oracle searches best with the printed form.
            List<Release> releases = catalog.byCatalogNumber(c.text());
            if (releases.isEmpty()) {
                continue;
            }
            Verdict v = judge(c, releases, words, format);
            if (v != null && (best == null || v.better(best))) {
                best = v;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new MatchResult(best.releaseIds, METHOD, best.confidence, best.reasons));
    }

    private record Verdict(List<Long> releaseIds, double confidence, double evidence, int keyLength,
                           List<String> reasons) {
        boolean better(Verdict o) {
            if (confidence != o.confidence) {
                return confidence > o.confidence;
            }
            if (evidence != o.evidence) {
                return evidence > o.evidence;
            }
            return keyLength > o.keyLength;
        }
    }

    private Verdict judge(CatalogNumberFinder.Candidate c, List<Release> releases, ListingWords words,
                          MediaFormat format) {
        Map<String, List<Release>> works = new LinkedHashMap<>();
        for (Release r : releases) {
            works.computeIfAbsent(workKey(r), k -> new ArrayList<>()).add(r);
        }
        boolean generic = works.size() > 1 || isGeneric(c.key());
        Set<String> numberWords = new HashSet<>(TextKeys.words(c.text()));

        List<Release> chosen = null;
        double chosenEvidence = -1;
        boolean tie = false;
        boolean labelAgrees = false;
        for (List<Release> work : works.values()) {
            Release r = work.get(0);
            double artist = TextKeys.coverage(artistWords(r), words.all());
            double title = TextKeys.coverage(TextKeys.nameWords(r.title()), words.all());
            boolean label = labelAgrees(work, words);
            double evidence = (artist + title) / 2 + (label ? 0.01 : 0);
            boolean fits;
            if (generic) {
                fits = (artist >= 0.99 && title >= 0.99) || (label && Math.max(artist, title) >= 0.99
                        && Math.min(artist, title) >= 0.5);
            } else {
                fits = artist >= 0.5 || title >= 0.5 || label || words.contentWordsBesides(numberWords) <= 1;
            }
            if (!fits) {
                continue;
            }
            if (chosen == null || evidence > chosenEvidence + 1e-9) {
                tie = chosen != null && evidence >= chosenEvidence - 1e-9;
                chosen = work;
                chosenEvidence = evidence;
                labelAgrees = label;
            } else if (evidence >= chosenEvidence - 1e-9) {
                tie = true;
            }
        }
        if (chosen == null || tie) {
            return null;
        }
        List<Release> pressings = sameFormat(chosen, format);
        if (pressings.isEmpty()) {
            return null;
        }
        double confidence = generic ? CONFIDENCE_GENERIC
                : chosenEvidence >= 0.5 || labelAgrees ? CONFIDENCE_CORROBORATED : CONFIDENCE_ALONE;
        Release first = pressings.get(0);
        List<String> reasons = new ArrayList<>();
        reasons.add("catalog number " + c.text() + (c.fromItemSpecifics() ? " (item specifics)" : ""));
        reasons.add(first.artistLine() + " – " + first.title()
                + (chosenEvidence >= 0.99 ? ", artist and title in the listing"
                : chosenEvidence >= 0.5 ? ", artist or title in the listing" : ""));
        if (pressings.size() > 1) {
            reasons.add(pressings.size() + " pressings share it");
        }
        return new Verdict(ordered(pressings, words), confidence, chosenEvidence, c.key().length(), reasons);
    }

    /** Short numbers with few significant digits: LP1, MR1, LP001, REC01, 001, A28. */
    boolean isGeneric(String key) {
        if (key.length() > genericMaxLength) {
            return false;
        }
        int significant = 0;
        boolean leading = true;
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (Character.isDigit(ch)) {
                if (ch != '0' || !leading) {
                    significant++;
                    leading = false;
                }
            } else {
                leading = true;
            }
        }
        return significant <= 2;
    }

    private static List<Release> sameFormat(List<Release> work, MediaFormat format) {
        if (format != null) {
            return work.stream().filter(r -> r.format() == format).toList();
        }
        long formats = work.stream().map(Release::format).distinct().count();
        return formats == 1 ? work : List.of(); // format unknown and the pressings differ: cannot tell
    }

    /** Pressings whose country or year the listing names first; otherwise catalog order. */
    private static List<Long> ordered(List<Release> pressings, ListingWords words) {
        List<Long> named = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        for (Release r : pressings) {
            boolean country = r.country() != null && words.all().containsAll(TextKeys.words(r.country()));
            boolean year = r.year() != null && words.all().contains(r.year().toString());
            (country || year ? named : rest).add(r.id());
        }
        named.addAll(rest);
        return named;
    }

    private static boolean labelAgrees(List<Release> work, ListingWords words) {
        for (Release r : work) {
            for (Release.LabelCatalogNumber l : r.labels()) {
                List<String> label = TextKeys.nameWords(l.label());
                if (!label.isEmpty() && TextKeys.coverage(label, words.all()) >= 0.99) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> artistWords(Release r) {
        List<String> out = new ArrayList<>();
        for (String a : r.artists()) {
            out.addAll(TextKeys.nameWords(a));
        }
        return out;
    }

    private static String workKey(Release r) {
        return String.join(" ", artistWords(r)) + "|" + TextKeys.nameKey(r.title());
    }
}
