package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes releases on one connection with prepared statements kept open: inserts or updates the
 * release row and replaces its catalog-number and barcode rows. The caller owns the transaction.
 * Not thread-safe.
 */
public final class ReleaseWriter implements AutoCloseable {

    private static final String UPSERT = "INSERT INTO discogs_releases (id, title, artists, artist_names, labels, "
            + "unnumbered_labels, format, format_description, country, year, master_id, genres, styles, source, updated_at, "
            + "spellings, name_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET title = excluded.title, artists = excluded.artists, spellings = excluded.spellings, "
            + "name_hash = excluded.name_hash, "
            + "artist_names = excluded.artist_names, labels = excluded.labels, unnumbered_labels = excluded.unnumbered_labels, "
            + "format = excluded.format, format_description = excluded.format_description, country = excluded.country, "
            + "year = excluded.year, master_id = excluded.master_id, "
            + "genres = COALESCE(excluded.genres, discogs_releases.genres), "
            + "styles = COALESCE(excluded.styles, discogs_releases.styles), "
            + "source = excluded.source, updated_at = excluded.updated_at";

    private final PreparedStatement upsert;
    private final PreparedStatement deleteCatalogNumbers;
    private final PreparedStatement deleteBarcodes;
    private final PreparedStatement insertCatalogNumber;
    private final PreparedStatement insertBarcode;

    public ReleaseWriter(Connection connection) throws SQLException {
        upsert = connection.prepareStatement(UPSERT);
        deleteCatalogNumbers = connection.prepareStatement("DELETE FROM release_catalog_numbers WHERE release_id = ?");
        deleteBarcodes = connection.prepareStatement("DELETE FROM release_barcodes WHERE release_id = ?");
        insertCatalogNumber = connection.prepareStatement(
                "INSERT INTO release_catalog_numbers (release_id, position, label, catno, catno_key) VALUES (?, ?, ?, ?, ?)");
        insertBarcode = connection.prepareStatement(
                "INSERT INTO release_barcodes (release_id, position, raw, barcode_key) VALUES (?, ?, ?, ?)");
    }

    /**
     * Writes one release.
     *
     * @param release     the release
     * @param rawBarcodes the barcodes as printed (the release's own, digits-only, when there is no printed text)
     * @param genres      genres for display, or null to keep what the catalog has
     * @param styles      styles for display, or null to keep what the catalog has
     * @param source      {@code dump} or {@code api}
     * @param replaceChildren false only when the release is known to be new (saves two deletes)
     * @param now         the time stamp, epoch milliseconds
     */
    public void write(Release release, List<String> rawBarcodes, String genres, String styles, String source,
                      boolean replaceChildren, long now) throws SQLException {
        long id = release.id();
        List<String> artists = oneLineAll(release.artists());
        List<LabelCatalogNumber> labels = ReleaseColumns.canonicalLabels(release.labels());
        upsert.setLong(1, id);
        upsert.setString(2, release.title());
        String artistLine = ReleaseColumns.artistLine(artists);
        String labelLine = ReleaseColumns.labelLine(labels);
        upsert.setString(3, artistLine);
        upsert.setString(4, ReleaseColumns.artistNames(artists));
        upsert.setString(5, labelLine);
        upsert.setString(6, ReleaseColumns.unnumberedLabels(oneLineLabels(labels)));
        upsert.setString(7, release.format() == null ? null : release.format().name());
        upsert.setString(8, release.formatDescription());
        upsert.setString(9, release.country());
        if (release.year() == null) {
            upsert.setNull(10, Types.INTEGER);
        } else {
            upsert.setInt(10, release.year());
        }
        if (release.masterId() == null) {
            upsert.setNull(11, Types.BIGINT);
        } else {
            upsert.setLong(11, release.masterId());
        }
        upsert.setString(12, genres);
        upsert.setString(13, styles);
        upsert.setString(14, source);
        upsert.setLong(15, now);
        upsert.setString(16, OtherSpellings.of(artistLine, release.title(), labelLine));
        Long nameHash = NameKey.of(artistLine, release.title());
        if (nameHash == null) {
            upsert.setNull(17, Types.BIGINT);
        } else {
            upsert.setLong(17, nameHash);
        }
        upsert.executeUpdate();

        if (replaceChildren) {
            deleteCatalogNumbers.setLong(1, id);
            deleteCatalogNumbers.executeUpdate();
            deleteBarcodes.setLong(1, id);
            deleteBarcodes.executeUpdate();
        }
        for (int i = 0; i < labels.size(); i++) {
            LabelCatalogNumber l = labels.get(i);
            String key = CatalogKeys.catalogNumber(l.catalogNumber());
            if (key == null) {
                continue;
            }
            insertCatalogNumber.setLong(1, id);
            insertCatalogNumber.setInt(2, i);
            insertCatalogNumber.setString(3, l.label());
            insertCatalogNumber.setString(4, l.catalogNumber());
            insertCatalogNumber.setString(5, key);
            insertCatalogNumber.executeUpdate();
        }
        for (int i = 0; i < rawBarcodes.size(); i++) {
            String raw = rawBarcodes.get(i);
            String key = CatalogKeys.barcode(raw);
            if (key == null) {
                continue;
            }
            insertBarcode.setLong(1, id);
            insertBarcode.setInt(2, i);
            insertBarcode.setString(3, raw);
            insertBarcode.setString(4, key);
            insertBarcode.executeUpdate();
        }
    }

    private static List<String> oneLineAll(List<String> names) {
        for (String n : names) {
            if (n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0) {
                List<String> out = new ArrayList<>(names.size());
                names.forEach(x -> out.add(ReleaseColumns.oneLine(x)));
                return out;
            }
        }
        return names;
    }

    private static List<LabelCatalogNumber> oneLineLabels(List<LabelCatalogNumber> labels) {
        List<LabelCatalogNumber> out = new ArrayList<>(labels.size());
        labels.forEach(l -> out.add(new LabelCatalogNumber(ReleaseColumns.oneLine(l.label()), l.catalogNumber())));
        return out;
    }

    @Override
    public void close() throws SQLException {
        try (upsert; deleteCatalogNumbers; deleteBarcodes; insertCatalogNumber; insertBarcode) {
            // closes all five
        }
    }
}
