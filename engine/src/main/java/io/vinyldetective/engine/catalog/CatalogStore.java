package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release catalog in SQLite, with plain JDBC: look-ups by id, catalog number and barcode,
 * full-text search, and upserts of releases that the price oracle returns. Thread-safe (each call
 * takes its own pooled connection). Labels come back in {@link ReleaseColumns#canonicalLabels
 * canonical order}.
 */
@Singleton
public class CatalogStore implements Catalog {

    /** Most releases a catalog-number or barcode look-up returns (placeholders such as "1" can match thousands). */
    public static final int MAX_LOOKUP_RESULTS = 500;

    private static final String RELEASE_COLUMNS = "id, title, artists, artist_names, unnumbered_labels, format, "
            + "format_description, country, year, master_id";

    private final DataSource dataSource;

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

    @Override
    public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
        String match = FullTextIndex.matchExpression(allOf == null ? List.of() : allOf, anyOf == null ? List.of() : anyOf);
        if (match == null || limit <= 0) {
            return List.of();
        }
        return load(ids("SELECT rowid FROM releases_fts WHERE releases_fts MATCH ? ORDER BY bm25(releases_fts) LIMIT ?",
                match, limit));
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (ReleaseWriter writer = new ReleaseWriter(c)) {
                writer.write(release, release.barcodes(), null, null, source, true, System.currentTimeMillis());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("save release " + release.id(), e);
        }
    }

    private List<Long> ids(String sql, String key, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (Connection c = dataSource.getConnection()) {
            Map<Long, List<LabelCatalogNumber>> labels = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT release_id, label, catno FROM release_catalog_numbers "
                    + "WHERE release_id IN (" + in + ") ORDER BY release_id, position")) {
                bind(ps, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        labels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new LabelCatalogNumber(rs.getString(2), rs.getString(3)));
                    }
                }
            }
            Map<Long, List<String>> barcodes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT release_id, raw FROM release_barcodes "
                    + "WHERE release_id IN (" + in + ") ORDER BY release_id, position")) {
                bind(ps, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        barcodes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(ReleaseColumns.digits(rs.getString(2)));
                    }
                }
            }
            Map<Long, Release> byId = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RELEASE_COLUMNS + " FROM discogs_releases WHERE id IN (" + in + ")")) {
                bind(ps, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        byId.put(id, release(rs, labels.getOrDefault(id, new ArrayList<>()), barcodes.getOrDefault(id, List.of())));
                    }
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

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
