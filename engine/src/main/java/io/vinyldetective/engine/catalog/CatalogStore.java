package io.vinyldetective.engine.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;
import io.vinyldetective.api.TextKeys;
import io.vinyldetective.engine.storage.CachedQueries;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.Transactions;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release catalog in SQLite, with plain JDBC: look-ups by id, catalog number and barcode,
 * full-text search, and upserts of releases that the price oracle returns. Thread-safe (each call
 * takes its own pooled connection). Labels come back in {@link ReleaseColumns#canonicalLabels
 * canonical order}. The look-ups matchers make are {@link CachedQueries compiled once} per
 * connection: their SQL is constant, lists of ids go in as one JSON array.
 */
@Singleton
public class CatalogStore implements Catalog {

    /** Most releases a catalog-number or barcode look-up returns (placeholders such as "1" can match thousands). */
    public static final int MAX_LOOKUP_RESULTS = 500;

    private static final String RELEASE_COLUMNS = "id, title, artists, artist_names, unnumbered_labels, format, "
            + "format_description, country, year, master_id";

    /** Most full-text matches a search ranks. */
    static final int RANK_BUDGET = 1000;
    /** Required words this selective give their candidates straight from the index (see {@link #search}). */
    static final int SELECTIVE = 250;
    /** How many releases holding only common words a search takes to rank (see {@link #throughRareOptions}). */
    static final int FILL = 40;

    private final DataSource dataSource;
    private final CachedQueries queries = new CachedQueries();
    /**
     * Word to document count; approximate by design (releases stored after the index's last rebuild,
     * or after caching, are not counted).
     */
    private final Cache<String, Integer> documentFrequencies = Caffeine.newBuilder().maximumSize(50_000).build();

    public CatalogStore(EngineDatabase database) {
        this.dataSource = database.dataSource();
        FullTextIndex.repairIfStale(dataSource);
    }

    @Override
    public Optional<Release> release(long id) {
        List<Release> found = load(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Release> byCatalogNumber(String catalogNumber) {
        String key = CatalogKeys.catalogNumber(catalogNumber);
        if (key == null) {
            return List.of();
        }
        return load(ids("SELECT DISTINCT release_id FROM release_catalog_numbers WHERE catno_key = ? ORDER BY release_id LIMIT ?",
                key, MAX_LOOKUP_RESULTS));
    }

    @Override
    public List<Release> byBarcode(String barcode) {
        String key = CatalogKeys.barcode(barcode);
        if (key == null) {
            return List.of();
        }
        return load(ids("SELECT DISTINCT release_id FROM release_barcodes WHERE barcode_key = ? ORDER BY release_id LIMIT ?",
                key, MAX_LOOKUP_RESULTS));
    }

    /**
     * Full-text candidates, best first. Ranking costs time for every release a query touches, so on a
     * catalog of millions it is kept bounded, and SQLite is never asked to rank (BM25 reads every
     * match's positions) when optional words can rank instead.
     *
     * <ul>
     *   <li>Required and optional words: the candidates are the releases holding the required words
     *       and at least one optional word, found by the index. When the required words are common
     *       (more than {@value #SELECTIVE} releases hold the rarest), they are found through the rare
     *       optional words alone ({@link #throughRareOptions}). They are ranked here: more optional
     *       words first, then the shorter text.</li>
     *   <li>Required words alone (or optional alone): at most {@value #RANK_BUDGET} matches ranked by
     *       BM25, the most common optional words left out while the query could match more.</li>
     * </ul>
     * How common a word is comes from the index vocabulary ({@code releases_fts_vocab}), cached per word.
     */
    @Override
    public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
        List<String> all = new ArrayList<>(allOf == null ? List.of() : allOf);
        List<String> any = new ArrayList<>(anyOf == null ? List.of() : anyOf);
        all.removeIf(t -> t == null || TextKeys.words(t).isEmpty());
        any.removeIf(t -> t == null || TextKeys.words(t).isEmpty());
        if (limit <= 0 || FullTextIndex.matchExpression(all, any) == null) {
            return List.of();
        }
        if (!all.isEmpty() && !any.isEmpty()) {
            List<Long> ids = requiredBound(all) <= SELECTIVE ? rowids(FullTextIndex.matchExpression(all, any), SELECTIVE)
                    : throughRareOptions(all, any);
            return byOptionalWords(ids, all, any, limit);
        }
        List<long[]> ranked = rankBounded(all, any);
        ranked.sort((a, b) -> {
            int byScore = Double.compare(Double.longBitsToDouble(a[1]), Double.longBitsToDouble(b[1]));
            return byScore != 0 ? byScore : Long.compare(a[0], b[0]);
        });
        List<Long> ids = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            ids.add(ranked.get(i)[0]);
        }
        return load(ids);
    }

    /**
     * Common required words ("harvest songs"): the releases holding them and any optional word can be
     * thousands. Those holding them and a rare optional word (an artist's name, say) are found through
     * that word, which the index reaches at once. Those named by exactly the required words and most
     * of the optional ones are found through their name's hash ({@link NameKey}), however common the
     * words. Only when no rare word finds any are the first {@value #FILL} releases holding any
     * optional word added, as the index lists them (in id order, which says nothing of fit; walking
     * all of them costs milliseconds when every word is common).
     */
    private List<Long> throughRareOptions(List<String> all, List<String> any) {
        Map<String, Integer> df = new HashMap<>();
        any.forEach(option -> df.put(option, documentFrequency(option)));
        List<String> byRarity = new ArrayList<>(any);
        byRarity.sort(java.util.Comparator.comparing(df::get));
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String option : byRarity) {
            if (df.get(option) > SELECTIVE) {
                break;
            }
            if (df.get(option) > 0) {
                ids.addAll(rowids(FullTextIndex.matchExpression(all, List.of(option)), SELECTIVE));
            }
        }
        boolean rareFound = !ids.isEmpty();
        ids.addAll(named(all, any));
        if (!rareFound) {
            ids.addAll(rowids(FullTextIndex.matchExpression(all, any), FILL));
        }
        return List.copyOf(ids);
    }

    /** Releases named by exactly the required words and all but a few of the optional ones (see {@link NameKey}). */
    private List<Long> named(List<String> all, List<String> any) {
        List<Long> hashes = NameKey.searched(all, any);
        return hashes.isEmpty() ? List.of() : ids("SELECT id FROM discogs_releases WHERE name_hash IN "
                + "(SELECT value FROM json_each(?)) LIMIT ?", jsonArray(hashes), SELECTIVE);
    }

    /**
     * The best {@code limit} of these releases: more optional words first, then fewer words of the
     * name (artists and title) that the search did not ask for, then the shorter name, the pressings of
     * one name together. A few are read whole and ranked; many are ranked by their indexed text
     * first, and only the best read.
     */
    private List<Release> byOptionalWords(List<Long> ids, List<String> all, List<String> any, int limit) {
        OptionalWords options = new OptionalWords(all, any);
        List<Ranked> ranked = new ArrayList<>(ids.size());
        Map<Long, Release> read = new HashMap<>();
        if (ids.size() <= limit) {
            for (Release r : load(ids)) {
                List<String> labels = new ArrayList<>();
                r.labels().forEach(l -> labels.addAll(TextKeys.words(l.label())));
                ranked.add(options.rank(r.id(), r.artistLine(), r.title(), labels));
                read.put(r.id(), r);
            }
        } else {
            try (Connection c = dataSource.getConnection(); ResultSet rs = withIds(c,
                    "SELECT id, artists, title, labels FROM discogs_releases WHERE id IN (SELECT value FROM json_each(?))", jsonArray(ids))) {
                while (rs.next()) {
                    ranked.add(options.rank(rs.getLong(1), rs.getString(2), rs.getString(3), TextKeys.words(rs.getString(4))));
                }
            } catch (SQLException e) {
                throw failure("search the catalog", e);
            }
        }
        ranked.sort(null);
        List<Long> best = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            best.add(ranked.get(i).id());
        }
        if (read.isEmpty()) {
            return load(best);
        }
        List<Release> out = new ArrayList<>(best.size());
        best.forEach(id -> out.add(read.get(id)));
        return out;
    }

    /** A candidate's place: optional words missing, name words not asked for, words in its name, the name, the id. */
    private record Ranked(long id, int missing, int unasked, int length, String name) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int c = Integer.compare(missing, o.missing);
            c = c != 0 ? c : Integer.compare(unasked, o.unasked);
            c = c != 0 ? c : Integer.compare(length, o.length);
            c = c != 0 ? c : name.compareTo(o.name);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    /** A search's optional words, each also in its spelling key, and every word it asks for. */
    private static final class OptionalWords {
        private final List<List<String>> words = new ArrayList<>();
        private final List<String> alternatives = new ArrayList<>();
        private final java.util.Set<String> asked = new java.util.HashSet<>();

        OptionalWords(List<String> all, List<String> any) {
            for (String t : any) {
                words.add(TextKeys.words(t));
                alternatives.add(FullTextIndex.alternative(t));
            }
            for (List<String> terms : List.of(all, any)) {
                for (String t : terms) {
                    for (String w : TextKeys.words(t)) {
                        asked.add(w);
                        asked.add(TextKeys.spellingKey(w));
                    }
                }
            }
        }

        /**
         * A release's place by its artist line (as {@link Release#artistLine} and the {@code artists}
         * column write it), title and label words. The spelling keys matter only for a release written
         * in another script (its words came from it).
         */
        Ranked rank(long id, String artists, String title, List<String> labels) {
            boolean otherScript = TextKeys.hasOtherScript(artists) || TextKeys.hasOtherScript(title);
            List<String> name = new ArrayList<>(TextKeys.words(artists));
            name.addAll(TextKeys.words(title));
            java.util.Set<String> present = new java.util.HashSet<>(name);
            present.addAll(labels);
            if (otherScript) {
                for (String w : name) {
                    present.add(TextKeys.spellingKey(w));
                }
            }
            int hits = 0;
            for (int k = 0; k < words.size(); k++) {
                String other = alternatives.get(k);
                hits += present.containsAll(words.get(k)) || otherScript && other != null && present.contains(other) ? 1 : 0;
            }
            int unasked = 0;
            for (String w : name) {
                unasked += TextKeys.STOP_WORDS.contains(w) || asked.contains(w)
                        || otherScript && asked.contains(TextKeys.spellingKey(w)) ? 0 : 1;
            }
            return new Ranked(id, words.size() - hits, unasked, name.size(), String.join(" ", name));
        }
    }

    /** The first {@code max} releases matching an FTS expression, in the index's order (no ranking). */
    private List<Long> rowids(String match, int max) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = queries.prepare(c, "SELECT rowid FROM releases_fts WHERE releases_fts MATCH ? LIMIT ?");
            ps.setString(1, match);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failure("search the catalog", e);
        }
        return ids;
    }

    /** At most how many releases all the required words match (the rarest word's count). */
    private long requiredBound(List<String> all) {
        long bound = Long.MAX_VALUE;
        for (String t : all) {
            bound = Math.min(bound, documentFrequency(t));
        }
        return bound;
    }

    /** Ranks at most {@value #RANK_BUDGET} matches of the (narrowed) query with BM25. */
    private List<long[]> rankBounded(List<String> all, List<String> any) {
        narrow(all, any);
        String match = FullTextIndex.matchExpression(all, any);
        List<long[]> ranked = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = queries.prepare(c,
                    "SELECT rowid, bm25(releases_fts) FROM releases_fts WHERE releases_fts MATCH ? LIMIT ?");
            ps.setString(1, match);
            ps.setInt(2, RANK_BUDGET);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ranked.add(new long[] {rs.getLong(1), Double.doubleToLongBits(rs.getDouble(2))});
                }
            }
        } catch (SQLException e) {
            throw failure("search the catalog", e);
        }
        return ranked;
    }

    /** Leaves the most common optional words out while the query could match more than the ranking budget. */
    private void narrow(List<String> all, List<String> any) {
        if (any.size() <= 1) {
            return;
        }
        Map<String, Integer> df = new HashMap<>();
        for (String t : all) {
            df.put(t, documentFrequency(t));
        }
        for (String t : any) {
            df.put(t, documentFrequency(t));
        }
        while (any.size() > 1 && bound(all, any, df) > RANK_BUDGET) {
            String common = any.get(0);
            for (String t : any) {
                if (df.get(t) > df.get(common)) {
                    common = t;
                }
            }
            any.remove(common);
        }
    }

    /** At most how many releases {@code all AND (any...)} can match. */
    private static long bound(List<String> all, List<String> any, Map<String, Integer> df) {
        long bound = Long.MAX_VALUE;
        for (String t : all) {
            bound = Math.min(bound, df.get(t));
        }
        long sum = 0;
        for (String t : any) {
            sum += df.get(t);
        }
        return any.isEmpty() ? bound : Math.min(bound, sum);
    }

    /**
     * In how many releases the index has this word (0 when the word is not one index term): a common
     * word as the last rebuild of the index counted it, any other from the index itself.
     */
    int documentFrequency(String term) {
        String other = FullTextIndex.alternative(term);
        return vocabularyCount(TextKeys.fold(term)) + (other == null ? 0 : vocabularyCount(other));
    }

    private int vocabularyCount(String token) {
        Integer cached = documentFrequencies.getIfPresent(token);
        if (cached != null) {
            return cached;
        }
        int df = 0;
        try (Connection c = dataSource.getConnection()) {
            // The vocabulary reads a word's whole posting list: a millisecond or more for a common word.
            for (String sql : List.of("SELECT releases FROM catalog_word_counts WHERE term = ?",
                    "SELECT doc FROM releases_fts_vocab WHERE term = ?")) {
                PreparedStatement ps = queries.prepare(c, sql);
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        df = rs.getInt(1);
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read the catalog's vocabulary", e);
        }
        documentFrequencies.put(token, df);
        return df;
    }

    @Override
    public long size() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM discogs_releases");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count the catalog", e);
        }
    }

    /**
     * Inserts or updates a release (from the price oracle: source {@code api}) and replaces its
     * catalog numbers and barcodes, in one transaction. Genres and styles the catalog has are kept.
     */
    public void upsert(Release release, String source) {
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (ReleaseWriter writer = new ReleaseWriter(c)) {
                    writer.write(release, release.barcodes(), null, null, source, true, System.currentTimeMillis());
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("save release " + release.id(), e);
        }
    }

    /**
     * Inserts a release the catalog does not hold yet (e.g. what a wantlist or a master's pressings
     * show of it, source {@code wantlist} or {@code versions}); a release it holds is left as it is, so a
     * summary never overwrites a fuller record. Returns whether it was new.
     */
    public boolean insertIfAbsent(Release release, String source) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM discogs_releases WHERE id = ?")) {
                    ps.setLong(1, release.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
                try (ReleaseWriter writer = new ReleaseWriter(c)) {
                    writer.write(release, release.barcodes(), null, null, source, false, System.currentTimeMillis());
                }
                return true;
            });
        } catch (SQLException e) {
            throw failure("save release " + release.id(), e);
        }
    }

    /** Where the catalog's copy of a release came from ({@code dump}, {@code api}, ...), when it holds one. */
    public Optional<String> sourceOf(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source FROM discogs_releases WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read release " + id, e);
        }
    }

    /** The pressings of a master the catalog holds, by id, at most {@value #MAX_LOOKUP_RESULTS}. */
    public List<Release> byMaster(long masterId) {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = queries.prepare(c, "SELECT id FROM discogs_releases WHERE master_id = ? ORDER BY id LIMIT ?");
            ps.setLong(1, masterId);
            ps.setInt(2, MAX_LOOKUP_RESULTS);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return load(ids);
        } catch (SQLException e) {
            throw failure("read the pressings of master " + masterId, e);
        }
    }

    private List<Long> ids(String sql, String key, int limit) {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = queries.prepare(c, sql);
            ps.setString(1, key);
            ps.setInt(2, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("search the catalog", e);
        }
    }

    /** The releases with these ids, in the order given; ids not in the catalog are left out. */
    private List<Release> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = jsonArray(ids);
        try (Connection c = dataSource.getConnection()) {
            Map<Long, List<LabelCatalogNumber>> labels = new HashMap<>();
            try (ResultSet rs = withIds(c, "SELECT release_id, label, catno FROM release_catalog_numbers "
                    + "WHERE release_id IN (SELECT value FROM json_each(?)) ORDER BY release_id, position", in)) {
                while (rs.next()) {
                    labels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new LabelCatalogNumber(rs.getString(2), rs.getString(3)));
                }
            }
            Map<Long, List<String>> barcodes = new HashMap<>();
            try (ResultSet rs = withIds(c, "SELECT release_id, raw FROM release_barcodes "
                    + "WHERE release_id IN (SELECT value FROM json_each(?)) ORDER BY release_id, position", in)) {
                while (rs.next()) {
                    barcodes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(ReleaseColumns.digits(rs.getString(2)));
                }
            }
            Map<Long, Release> byId = new LinkedHashMap<>();
            try (ResultSet rs = withIds(c, "SELECT " + RELEASE_COLUMNS + " FROM discogs_releases "
                    + "WHERE id IN (SELECT value FROM json_each(?))", in)) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    byId.put(id, release(rs, labels.getOrDefault(id, new ArrayList<>()), barcodes.getOrDefault(id, List.of())));
                }
            }
            List<Release> out = new ArrayList<>(byId.size());
            for (Long id : ids) {
                Release r = byId.get(id);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the catalog", e);
        }
    }

    private static Release release(ResultSet rs, List<LabelCatalogNumber> labels, List<String> barcodes) throws SQLException {
        String unnumbered = rs.getString(5);
        if (unnumbered != null) {
            for (String name : unnumbered.split(ReleaseColumns.EXACT_SEPARATOR, -1)) {
                labels.add(new LabelCatalogNumber(name, null));
            }
        }
        String format = rs.getString(6);
        int year = rs.getInt(9);
        Integer yearOrNull = rs.wasNull() ? null : year;
        long master = rs.getLong(10);
        Long masterOrNull = rs.wasNull() ? null : master;
        return new Release(rs.getLong(1), rs.getString(2), ReleaseColumns.artists(rs.getString(3), rs.getString(4)),
                labels, barcodes, format == null ? null : MediaFormat.valueOf(format), rs.getString(7), rs.getString(8),
                yearOrNull, masterOrNull);
    }

    /** Runs a cached query whose one parameter is a JSON array of ids ({@link #jsonArray}). */
    private ResultSet withIds(Connection c, String sql, String ids) throws SQLException {
        PreparedStatement ps = queries.prepare(c, sql);
        ps.setString(1, ids);
        return ps.executeQuery();
    }

    /** Ids as a JSON array, for {@code IN (SELECT value FROM json_each(?))}. */
    private static String jsonArray(List<Long> ids) {
        StringBuilder sb = new StringBuilder(ids.size() * 8).append('[');
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ids.get(i).longValue());
        }
        return sb.append(']').toString();
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
