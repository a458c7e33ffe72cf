package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labelled matching dev set: {@code listings.jsonl} and {@code truth.jsonl} (one JSON object a
 * line) from a folder that also holds {@code releases.xml.gz}.
 */
public final class DevSet {

    /** One labelled listing: the ids that are acceptable (empty: must not match) and its case family. */
    public record Case(Listing listing, Set<Long> accept, String kind) {
    }

    private DevSet() {
    }

    /** The shared data folder: system property {@code vd.shared.dir} (set by the build) or {@code ../shared}. */
    public static Path sharedDir() {
        return Path.of(System.getProperty("vd.shared.dir", "../shared"));
    }

    public static List<Case> load(Path folder) {
        Map<String, Listing> listings = new LinkedHashMap<>();
        for (String line : lines(folder.resolve("listings.jsonl"))) {
            Map<String, Object> o = MiniJson.object(line);
            listings.put((String) o.get("id"), listing(o));
        }
        List<Case> cases = new ArrayList<>();
        for (String line : lines(folder.resolve("truth.jsonl"))) {
            Map<String, Object> o = MiniJson.object(line);
            Listing l = listings.get((String) o.get("id"));
            if (l == null) {
                throw new IllegalStateException("truth names an unknown listing: " + o.get("id"));
            }
            Set<Long> accept = new TreeSet<>();
            for (Object id : (List<?>) o.get("accept")) {
                accept.add(((BigDecimal) id).longValueExact());
            }
            cases.add(new Case(l, accept, (String) o.get("kind")));
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Listing listing(Map<String, Object> o) {
        Money price = o.get("price") == null ? null
                : new Money((BigDecimal) o.get("price"), (String) o.getOrDefault("currency", "USD"));
        Map<String, String> aspects = new LinkedHashMap<>();
        Object raw = o.get("aspects");
        if (raw instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> aspects.put(k, v == null ? null : v.toString()));
        }
        aspects.values().removeIf(v -> v == null);
        return Listing.forMatching((String) o.get("id"), (String) o.get("title"), price,
                MediaFormat.fromName((String) o.get("format")), (String) o.get("gtin"), aspects);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
