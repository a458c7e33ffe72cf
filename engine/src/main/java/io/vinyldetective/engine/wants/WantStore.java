package io.vinyldetective.engine.wants;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.storage.Transactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The wantlists chats follow and the watches made from them (tables {@code wantlists}, {@code wants}),
 * with plain JDBC. A re-read of a wantlist is applied in one transaction: wants new on Discogs are
 * added, wants gone from it are dropped, the others keep the settings their chat gave them.
 */
@Singleton
public class WantStore {

    private static final String WANT_COLUMNS = "id, chat_id, release_id, master_id, artist, first_artist, title, format, catno, year, "
            + "pressings_any, max_price, currency, min_grade, active, added_at, auctions";

    private final DataSource dataSource;

    @Inject
    public WantStore(EngineDatabase database) {
        this(database.dataSource());
    }

    public WantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a re-read changed. */
    public record SyncCounts(int added, int removed, int total) {
    }

    // ---- wantlists ----

    public Optional<WantlistLink> wantlist(String chatId) {
        List<WantlistLink> found = links("SELECT * FROM wantlists WHERE chat_id = ?", chatId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The wantlists due for a read, the longest overdue first. */
    public List<WantlistLink> dueForSync(Instant now) {
        return links("SELECT * FROM wantlists WHERE next_sync_at <= ? ORDER BY next_sync_at", now.toEpochMilli());
    }

    /** When the next wantlist falls due, if any is linked. */
    public Optional<Instant> nextSyncAt() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(next_sync_at) FROM wantlists"); ResultSet rs = ps.executeQuery()) {
            long at = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
        } catch (SQLException e) {
            throw failure("read the wantlists", e);
        }
    }

    /**
     * Links a chat to a Discogs user's wantlist, due for a read at once. Linking another user than
     * before drops the chat's watches of the old list; the same user again keeps them.
     */
    public void link(String chatId, String username, boolean pressingsAny, Instant now) {
        try {
            Transactions.inTransaction(dataSource, c -> {
                Optional<WantlistLink> old = wantlist(c, chatId);
                if (old.isPresent() && !old.get().username().equalsIgnoreCase(username)) {
                    execute(c, "DELETE FROM wants WHERE chat_id = ?", chatId);
                }
                if (old.isPresent()) {
                    execute(c, "UPDATE wantlists SET username = ?, pressings_any = ?, next_sync_at = ?, sync_error = NULL"
                            + " WHERE chat_id = ?", username, pressingsAny, now.toEpochMilli(), chatId);
                } else {
                    execute(c, "INSERT INTO wantlists (chat_id, username, pressings_any, added_at, next_sync_at)"
                            + " VALUES (?, ?, ?, ?, ?)", chatId, username, pressingsAny, now.toEpochMilli(), now.toEpochMilli());
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("link the wantlist", e);
        }
    }

    /** Stops following the chat's wantlist; its watches go with it. Returns false when it followed none. */
    public boolean unlink(String chatId) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                execute(c, "DELETE FROM wants WHERE chat_id = ?", chatId);
                return execute(c, "DELETE FROM wantlists WHERE chat_id = ?", chatId) > 0;
            });
        } catch (SQLException e) {
            throw failure("unlink the wantlist", e);
        }
    }

    /** Records a read that did not work; the list is read again at {@code retryAt}. Nothing else changes. */
    public void syncFailed(String chatId, String why, Instant retryAt) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "UPDATE wantlists SET sync_error = ?, next_sync_at = ? WHERE chat_id = ?", why,
                    retryAt.toEpochMilli(), chatId);
        } catch (SQLException e) {
            throw failure("record the wantlist read", e);
        }
    }

    /**
     * Applies a complete read of the chat's wantlist: adds the new wants (starting with the list's
     * pressings choice), drops those gone from it, refreshes what the list shows of the others and
     * keeps their settings. One transaction.
     */
    public SyncCounts applySync(String chatId, List<Release> wanted, Instant now, Instant nextSyncAt) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                WantlistLink link = wantlist(c, chatId).orElseThrow(
                        () -> new StorageException("chat " + chatId + " follows no wantlist", null));
                Map<Long, Release> byId = new LinkedHashMap<>();
                wanted.forEach(r -> byId.putIfAbsent(r.id(), r));
                Map<Long, Long> existing = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT release_id, id FROM wants WHERE chat_id = ?")) {
                    ps.setString(1, chatId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            existing.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                }
                int removed = 0;
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM wants WHERE id = ?")) {
                    for (Map.Entry<Long, Long> e : existing.entrySet()) {
                        if (!byId.containsKey(e.getKey())) {
                            delete.setLong(1, e.getValue());
                            delete.addBatch();
                            removed++;
                        }
                    }
                    delete.executeBatch();
                }
                int added = 0;
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO wants (chat_id, release_id, master_id, artist,"
                        + " first_artist, title, format, catno, year, pressings_any, active, added_at, auctions)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)");
                     PreparedStatement refresh = c.prepareStatement("UPDATE wants SET master_id = COALESCE(?, master_id),"
                             + " artist = ?, first_artist = ?, title = ?, format = ?, catno = ?, year = ? WHERE id = ?")) {
                    for (Release r : byId.values()) {
                        Long id = existing.get(r.id());
                        if (id == null) {
                            insert.setString(1, chatId);
                            insert.setLong(2, r.id());
                            setLong(insert, 3, r.masterId());
                            insert.setString(4, artist(r));
                            insert.setString(5, r.artists().isEmpty() ? null : r.artists().get(0));
                            insert.setString(6, r.title());
                            insert.setString(7, r.format() == null ? null : r.format().name());
                            insert.setString(8, catalogNumber(r));
                            setInt(insert, 9, r.year());
                            insert.setBoolean(10, link.pressingsAny());
                            insert.setLong(11, now.toEpochMilli());
                            insert.setBoolean(12, link.auctions());
                            insert.addBatch();
                            added++;
                        } else {
                            setLong(refresh, 1, r.masterId());
                            refresh.setString(2, artist(r));
                            refresh.setString(3, r.artists().isEmpty() ? null : r.artists().get(0));
                            refresh.setString(4, r.title());
                            refresh.setString(5, r.format() == null ? null : r.format().name());
                            refresh.setString(6, catalogNumber(r));
                            setInt(refresh, 7, r.year());
                            refresh.setLong(8, id);
                            refresh.addBatch();
                        }
                    }
                    insert.executeBatch();
                    refresh.executeBatch();
                }
                execute(c, "UPDATE wantlists SET synced_at = ?, sync_error = NULL, next_sync_at = ? WHERE chat_id = ?",
                        now.toEpochMilli(), nextSyncAt.toEpochMilli(), chatId);
                return new SyncCounts(added, removed, byId.size());
            });
        } catch (SQLException e) {
            throw failure("save the wantlist", e);
        }
    }

    /** Notes the master Discogs gave a wanted release later (the wantlist did not say). */
    public void setMaster(long releaseId, long masterId) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "UPDATE wants SET master_id = ? WHERE release_id = ? AND master_id IS NULL", masterId, releaseId);
        } catch (SQLException e) {
            throw failure("save a want's master", e);
        }
    }

    // ---- wants ----

    /** A chat's watches, in the order they were added. */
    public List<Want> wants(String chatId) {
        return query("SELECT " + WANT_COLUMNS + " FROM wants WHERE chat_id = ? ORDER BY id", chatId);
    }

    public Optional<Want> want(String chatId, long id) {
        List<Want> found = query("SELECT " + WANT_COLUMNS + " FROM wants WHERE chat_id = ? AND id = ?", chatId, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every watch that is not paused. */
    public List<Want> active() {
        return query("SELECT " + WANT_COLUMNS + " FROM wants WHERE active = TRUE ORDER BY id");
    }

    /**
     * The active watches that are ready to be searched: their release is in the catalog in full (read
     * from the oracle, or from a dump) and the other pressings of its master have been read, so a match
     * can be told apart from its siblings. The others are being filled in ({@link WantlistSync}).
     */
    public List<Want> watchable() {
        return query("SELECT " + prefixed("w.") + " FROM wants w JOIN discogs_releases r ON r.id = w.release_id"
                + " LEFT JOIN master_versions_checked m ON m.master_id = COALESCE(r.master_id, w.master_id)"
                + " WHERE w.active = TRUE AND r.source IN ('api', 'dump')"
                + " AND (COALESCE(r.master_id, w.master_id) IS NULL OR m.master_id IS NOT NULL) ORDER BY w.id");
    }

    private static String prefixed(String alias) {
        return alias + WANT_COLUMNS.replace(", ", ", " + alias);
    }

    /** Stores a watch's own settings (pressings, max price, grade, paused). */
    public void update(Want want) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "UPDATE wants SET pressings_any = ?, max_price = ?, currency = ?, min_grade = ?, active = ?,"
                            + " auctions = ? WHERE id = ? AND chat_id = ?", want.pressingsAny(), want.maxPrice(), want.currency(),
                    want.minGrade() == null ? null : want.minGrade().name(), want.active(), want.auctions(), want.id(),
                    want.chatId());
        } catch (SQLException e) {
            throw failure("save the want", e);
        }
    }

    /**
     * Turns auctions on or off for every watch of a chat and for the wants its wantlist adds later; returns
     * how many watches changed, or -1 when the chat follows no wantlist.
     */
    public int setAuctions(String chatId, boolean auctions) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                if (execute(c, "UPDATE wantlists SET auctions = ? WHERE chat_id = ?", auctions, chatId) == 0) {
                    return -1;
                }
                return execute(c, "UPDATE wants SET auctions = ? WHERE chat_id = ? AND auctions <> ?", auctions, chatId,
                        auctions);
            });
        } catch (SQLException e) {
            throw failure("save the auctions choice", e);
        }
    }

    /** Pauses or resumes every watch of a chat; returns how many changed. */
    public int setAllActive(String chatId, boolean active) {
        try (Connection c = dataSource.getConnection()) {
            return execute(c, "UPDATE wants SET active = ? WHERE chat_id = ? AND active <> ?", active, chatId, active);
        } catch (SQLException e) {
            throw failure("save the wants", e);
        }
    }

    // ---- masters' pressings ----

    /** When the pressings of a master were last read from the oracle, if ever. */
    public Optional<Instant> versionsCheckedAt(long masterId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = bind(c.prepareStatement(
                "SELECT checked_at FROM master_versions_checked WHERE master_id = ?"), masterId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
        } catch (SQLException e) {
            throw failure("read the masters checked", e);
        }
    }

    /** Records that the pressings of a master were read (they are in the catalog). */
    public void versionsChecked(long masterId, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "INSERT INTO master_versions_checked (master_id, checked_at) VALUES (?, ?)"
                    + " ON CONFLICT (master_id) DO UPDATE SET checked_at = excluded.checked_at", masterId, at.toEpochMilli());
        } catch (SQLException e) {
            throw failure("record a master checked", e);
        }
    }

    // ---- plumbing ----

    /** The artists as one line, never empty (the batch query and the lists need one). */
    static String artist(Release r) {
        String line = r.artistLine();
        return line.isBlank() ? "Unknown Artist" : line;
    }

    static String catalogNumber(Release r) {
        return r.labels().stream().map(Release.LabelCatalogNumber::catalogNumber).filter(n -> n != null && !n.isBlank())
                .findFirst().orElse(null);
    }

    private Optional<WantlistLink> wantlist(Connection c, String chatId) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement("SELECT * FROM wantlists WHERE chat_id = ?"), chatId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(link(rs)) : Optional.empty();
        }
    }

    private List<WantlistLink> links(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = bind(c.prepareStatement(sql), args);
             ResultSet rs = ps.executeQuery()) {
            List<WantlistLink> links = new ArrayList<>();
            while (rs.next()) {
                links.add(link(rs));
            }
            return links;
        } catch (SQLException e) {
            throw failure("read the wantlists", e);
        }
    }

    private static WantlistLink link(ResultSet rs) throws SQLException {
        return new WantlistLink(rs.getString("chat_id"), rs.getString("username"), rs.getBoolean("pressings_any"),
                instant(rs, "added_at"), instant(rs, "synced_at"), rs.getString("sync_error"), instant(rs, "next_sync_at"),
                rs.getBoolean("auctions"));
    }

    private List<Want> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = bind(c.prepareStatement(sql), args);
             ResultSet rs = ps.executeQuery()) {
            List<Want> wants = new ArrayList<>();
            while (rs.next()) {
                long master = rs.getLong("master_id");
                Long masterId = rs.wasNull() ? null : master;
                int year = rs.getInt("year");
                Integer y = rs.wasNull() ? null : year;
                String format = rs.getString("format");
                String grade = rs.getString("min_grade");
                wants.add(new Want(rs.getLong("id"), rs.getString("chat_id"), rs.getLong("release_id"), masterId,
                        rs.getString("artist"), rs.getString("first_artist"), rs.getString("title"),
                        format == null ? null : MediaFormat.valueOf(format),
                        rs.getString("catno"), y, rs.getBoolean("pressings_any"), rs.getBigDecimal("max_price"),
                        rs.getString("currency"), grade == null ? null : Grade.valueOf(grade), rs.getBoolean("active"),
                        instant(rs, "added_at"), rs.getBoolean("auctions")));
            }
            return wants;
        } catch (SQLException e) {
            throw failure("read the wants", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql), args)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
