package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Catalog} held in memory, for tests. {@link #search} emulates the production full-text
 * index: words of artist, title and label, case- and diacritic-insensitive (other scripts also by
 * their {@link TextKeys#spellingKey spelling keys}), every {@code allOf} term
 * required, at least one {@code anyOf} term when given, ranked by how many terms matched. Counts
 * calls, so tests can check that a tier keeps its lookups few.
 */
public final class InMemoryCatalog implements Catalog {

    private final Map<Long, Release> releases = new TreeMap<>();
    private final Map<String, List<Release>> byCatalogNumber = new HashMap<>();
    private final Map<String, List<Release>> byBarcode = new HashMap<>();
    private final Map<String, Set<Long>> postings = new HashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    public static InMemoryCatalog of(Collection<Release> releases) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        releases.forEach(catalog::add);
        return catalog;
    }

    public static InMemoryCatalog of(Release... releases) {
        return of(List.of(releases));
    }

    public InMemoryCatalog add(Release r) {
        releases.put(r.id(), r);
        Set<String> words = new LinkedHashSet<>(TextKeys.words(r.title()));
        for (String artist : r.artists()) {
            words.addAll(TextKeys.words(TextKeys.withoutDisambiguation(artist)));
        }
        for (Release.LabelCatalogNumber l : r.labels()) {
            words.addAll(TextKeys.words(l.label()));
            String key = CatalogKeys.catalogNumber(l.catalogNumber());
            if (key != null) {
                List<Release> list = byCatalogNumber.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
        for (String b : r.barcodes()) {
            String key = CatalogKeys.barcode(b);
            if (key != null) {
                List<Release> list = byBarcode.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
        boolean otherScript = TextKeys.hasOtherScript(r.title()) || r.artists().stream().anyMatch(TextKeys::hasOtherScript);
        for (String w : words) {
            postings.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(r.id());
            if (otherScript) {
                postings.computeIfAbsent(TextKeys.spellingKey(w), k -> new LinkedHashSet<>()).add(r.id());
            }
        }
        return this;
    }

    @Override
    public Optional<Release> release(long id) {
        calls.incrementAndGet();
        return Optional.ofNullable(releases.get(id));
    }

    @Override
    public List<Release> byCatalogNumber(String catalogNumber) {
        calls.incrementAndGet();
        String key = CatalogKeys.catalogNumber(catalogNumber);
        return key == null ? List.of() : List.copyOf(byCatalogNumber.getOrDefault(key, List.of()));
    }

    @Override
    public List<Release> byBarcode(String barcode) {
        calls.incrementAndGet();
        String key = CatalogKeys.barcode(barcode);
        return key == null ? List.of() : List.copyOf(byBarcode.getOrDefault(key, List.of()));
    }

    @Override
    public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
        long t0 = System.nanoTime();
        try {
            return doSearch(allOf, anyOf, limit);
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
        }
    }

    private List<Release> doSearch(List<String> allOf, List<String> anyOf, int limit) {
        calls.incrementAndGet();
        List<String> all = terms(allOf);
        List<String> any = terms(anyOf);
        if (all.isEmpty() && any.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> hits = new HashMap<>();
        if (!all.isEmpty()) {
            Set<Long> first = postings(all.get(0));
            for (Long id : first) {
                boolean everyTerm = true;
                for (int i = 1; i < all.size() && everyTerm; i++) {
                    everyTerm = postings(all.get(i)).contains(id);
                }
                if (everyTerm) {
                    hits.put(id, all.size());
                }
            }
            if (!any.isEmpty()) {
                Map<Long, Integer> withAny = new HashMap<>();
                for (String term : any) {
                    for (Long id : postings(term)) {
                        Integer n = hits.get(id);
                        if (n != null) {
                            withAny.merge(id, n + 1, (a, b) -> a + 1);
                        }
                    }
                }
                hits = withAny;
            }
        } else {
            for (String term : any) {
                for (Long id : postings(term)) {
                    hits.merge(id, 1, Integer::sum);
                }
            }
        }
        return hits.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> releases.get(e.getKey()))
                .toList();
    }

    @Override
    public long size() {
        return releases.size();
    }

    /** How many catalog calls have been made since the last {@link #resetCalls}. */
    public long calls() {
        return calls.get();
    }

    /** Nanoseconds spent inside {@link #search} (the emulated index, not the tier) since the last reset. */
    public long searchNanos() {
        return nanos.get();
    }

    public void resetCalls() {
        calls.set(0);
        nanos.set(0);
    }

    /** The releases holding a word, or a word of another script in its {@link TextKeys#spellingKey} (as the index does). */
    private Set<Long> postings(String term) {
        Set<Long> exact = postings.getOrDefault(term, Set.of());
        Set<Long> other = postings.getOrDefault(TextKeys.spellingKey(term), Set.of());
        if (other.isEmpty() || exact.equals(other)) {
            return exact;
        }
        Set<Long> both = new LinkedHashSet<>(exact);
        both.addAll(other);
        return both;
    }

    private static List<String> terms(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String t : raw) {
            List<String> w = TextKeys.words(t);
            if (!w.isEmpty() && !out.contains(w.get(0))) {
                out.add(w.get(0));
            }
        }
        return out;
    }
}
