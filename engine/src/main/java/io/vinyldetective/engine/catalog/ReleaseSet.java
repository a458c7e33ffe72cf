package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A few releases held in memory and read as a {@link Catalog}: the scope a batch of watches matches
 * in. Look-ups compare keys as the engine's catalog does ({@link CatalogKeys}); search finds the
 * releases whose artists, title and labels hold every word of {@code allOf} and one of {@code anyOf},
 * compared as {@link TextKeys#words} folds them, the most optional words first.
 */
public final class ReleaseSet implements Catalog {

    private final Map<Long, Release> releases = new LinkedHashMap<>();
    private final Map<Long, Set<String>> words = new LinkedHashMap<>();

    public ReleaseSet(Collection<Release> members) {
        for (Release r : members) {
            if (releases.putIfAbsent(r.id(), r) == null) {
                Set<String> w = new HashSet<>();
                r.artists().forEach(a -> w.addAll(TextKeys.words(a)));
                w.addAll(TextKeys.words(r.title()));
                r.labels().forEach(l -> w.addAll(TextKeys.words(l.label())));
                words.put(r.id(), w);
            }
        }
    }

    public Collection<Release> releases() {
        return releases.values();
    }

    public boolean contains(long id) {
        return releases.containsKey(id);
    }

    @Override
    public Optional<Release> release(long id) {
        return Optional.ofNullable(releases.get(id));
    }

    @Override
    public List<Release> byCatalogNumber(String catalogNumber) {
        String key = CatalogKeys.catalogNumber(catalogNumber);
        if (key == null) {
            return List.of();
        }
        return releases.values().stream().filter(r -> r.labels().stream()
                .anyMatch(l -> key.equals(CatalogKeys.catalogNumber(l.catalogNumber())))).toList();
    }

    @Override
    public List<Release> byBarcode(String barcode) {
        String key = CatalogKeys.barcode(barcode);
        if (key == null) {
            return List.of();
        }
        return releases.values().stream().filter(r -> r.barcodes().stream()
                .anyMatch(b -> key.equals(CatalogKeys.barcode(b)))).toList();
    }

    @Override
    public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
        List<String> all = folded(allOf);
        List<String> any = folded(anyOf);
        if (limit <= 0 || (all.isEmpty() && any.isEmpty())) {
            return List.of();
        }
        record Hit(Release release, long optional) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, Set<String>> e : words.entrySet()) {
            Set<String> w = e.getValue();
            if (!w.containsAll(all)) {
                continue;
            }
            long optional = any.stream().filter(w::contains).count();
            if (any.isEmpty() || optional > 0) {
                hits.add(new Hit(releases.get(e.getKey()), optional));
            }
        }
        hits.sort(Comparator.comparingLong(Hit::optional).reversed());
        return hits.stream().limit(limit).map(Hit::release).toList();
    }

    @Override
    public long size() {
        return releases.size();
    }

    private static List<String> folded(List<String> terms) {
        if (terms == null) {
            return List.of();
        }
        return terms.stream().filter(Objects::nonNull).flatMap(t -> TextKeys.words(t).stream()).distinct().toList();
    }
}
