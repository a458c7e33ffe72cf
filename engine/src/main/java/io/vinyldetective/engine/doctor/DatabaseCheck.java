package io.vinyldetective.engine.doctor;

import io.vinyldetective.engine.storage.Migrations;
import io.vinyldetective.engine.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * {@code DATA_DIR} and the database in it: the folder exists and this user can write to it, the
 * SQLite file opens, its schema version against this release's, the free disk space, and how many
 * releases and saved searches it holds. The database is opened read-only and never created or
 * migrated here; when the folder belongs to another user (the doctor run as root, say) it is not
 * opened at all, so no file of the wrong owner is left behind.
 */
public final class DatabaseCheck {

    /** Below this much free space in {@code DATA_DIR}, a warning: the catalog and the WAL grow. */
    static final long LOW_SPACE = 100L * 1024 * 1024;

    private final Path dataDir;
    private final Migrations migrations;
    private final String user;

    public DatabaseCheck(Path dataDir, Migrations migrations, String user) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.migrations = migrations;
        this.user = user;
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        if (!Files.exists(dataDir)) {
            Path existing = nearestExisting(dataDir);
            if (existing != null && !Files.isWritable(existing)) {
                checks.add(Check.warning("DATA_DIR", dataDir + " does not exist, and " + user + " cannot create it"
                        + " (" + existing + " is not writable)", "Under systemd, the unit's StateDirectory creates it;"
                        + " otherwise create it for the user that runs Vinyl Detective, or set DATA_DIR."));
            } else {
                checks.add(Check.ok("DATA_DIR", dataDir + " does not exist yet: run creates it"));
            }
            space(existing).ifPresent(checks::add);
            return checks;
        }
        if (!Files.isDirectory(dataDir)) {
            checks.add(Check.problem("DATA_DIR", dataDir + " is not a folder", "Set DATA_DIR to a folder."));
            return checks;
        }
        String owner = owner(dataDir);
        if (owner != null && !owner.equals(user)) {
            checks.add(Check.warning("DATA_DIR", dataDir + " belongs to " + owner + ", this is " + user
                    + ": the database was not opened", "Run the doctor as " + owner + " (the service's user) to check it."));
            space(dataDir).ifPresent(checks::add);
            return checks;
        }
        if (!Files.isWritable(dataDir)) {
            checks.add(Check.problem("DATA_DIR", dataDir + " is not writable by " + user,
                    "Give " + user + " write access to it, or set DATA_DIR to a folder it can write to."));
        } else {
            checks.add(Check.ok("DATA_DIR", dataDir + " (writable)"));
        }
        space(dataDir).ifPresent(checks::add);
        database(checks);
        return checks;
    }

    private void database(List<Check> checks) {
        Path file = dataDir.resolve(StorageSettings.DATABASE_FILE);
        if (!Files.exists(file)) {
            checks.add(Check.ok("database", "none yet: run creates " + file.getFileName()));
            return;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
             Statement s = c.createStatement()) {
            int version = schemaVersion(s);
            int known = migrations.available().stream().mapToInt(Migrations.Migration::version).max().orElse(0);
            if (version > known) {
                checks.add(Check.problem("database", file.getFileName() + " has schema version " + version
                        + ", newer than this release knows (" + known + ")",
                        "It was written by a newer Vinyl Detective: run that release, or restore a backup."));
                return;
            }
            List<Integer> missing = missingVersions(s);
            checks.add(Check.ok("database", file.getFileName() + " opens; schema version " + version
                    + (version == known && missing.isEmpty() ? " (current)"
                    : version == known ? ", run also applies V" + missing.stream().map(String::valueOf)
                            .collect(Collectors.joining(", V"))
                    : ", run upgrades it to " + known)));
            if (version == 0) {
                return;
            }
            long releases = count(s, "SELECT COUNT(*) FROM discogs_releases");
            checks.add(releases > 0 ? Check.ok("catalog", String.format("%,d releases", releases))
                    : Check.ok("catalog", "empty (the price oracle fills it as listings come in; import-dump"
                    + " fills it in bulk)"));
            long searches = count(s, "SELECT COUNT(*) FROM saved_searches");
            long active = count(s, "SELECT COUNT(*) FROM saved_searches WHERE active");
            checks.add(Check.ok("saved searches", searches == 0 ? "none yet (add one in the bot: /add_search)"
                    : searches + " (" + active + " active)"));
            if (hasTable(s, "chat_destinations")) {
                checks.add(destinations(s));
            }
        } catch (SQLException e) {
            checks.add(Check.problem("database", "cannot read " + file + ": " + e.getMessage(),
                    "If the file is damaged, restore a backup; run recreates a missing database."));
        }
    }

    /**
     * The places chats added with /notify, counted per notifier and state; never an address (they hold
     * webhook tokens and topics).
     */
    private static Check destinations(Statement s) throws SQLException {
        Map<String, long[]> byNotifier = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT notifier, state = 'active', COUNT(*) FROM chat_destinations"
                + " GROUP BY notifier, state = 'active'")) {
            while (rs.next()) {
                byNotifier.computeIfAbsent(rs.getString(1), n -> new long[2])[rs.getBoolean(2) ? 0 : 1] += rs.getLong(3);
            }
        }
        if (byNotifier.isEmpty()) {
            return Check.ok("chat destinations", "none (chats add them in the bot: /notify)");
        }
        long gone = byNotifier.values().stream().mapToLong(c -> c[1]).sum();
        String counts = byNotifier.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0])
                .collect(Collectors.joining(", "));
        return Check.ok("chat destinations", byNotifier.values().stream().mapToLong(c -> c[0]).sum() + " active (" + counts
                + ")" + (gone == 0 ? "" : ", " + gone + " disabled after their service said they are gone"));
    }

    private List<Integer> missingVersions(Statement s) throws SQLException {
        if (!hasTable(s, "schema_version")) {
            return List.of();
        }
        Set<Integer> applied = new TreeSet<>();
        try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                applied.add(rs.getInt(1));
            }
        }
        if (applied.isEmpty()) {
            return List.of();
        }
        return migrations.available().stream().map(Migrations.Migration::version).filter(v -> !applied.contains(v)).toList();
    }

    private static boolean hasTable(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static int schemaVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
        }
        return (int) count(s, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Optional<Check> space(Path dir) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            String text = size(free) + " free on its disk";
            return Optional.of(free < LOW_SPACE
                    ? Check.warning("disk space", text, "The catalog and its write-ahead log grow; free some space.")
                    : Check.ok("disk space", text));
        } catch (IOException e) {
            return Optional.of(Check.warning("disk space", "unknown: " + e.getMessage(), null));
        }
    }

    static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 1024 ? String.format("%.1f GB", mb / 1024) : String.format("%.0f MB", mb);
    }

    private static String owner(Path dir) {
        try {
            return Files.getOwner(dir).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
