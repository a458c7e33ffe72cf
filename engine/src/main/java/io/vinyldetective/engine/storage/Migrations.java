package io.vinyldetective.engine.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and upgrades the schema from the versioned scripts {@code db/migration/V<n>__<description>.sql}
 * on the class path, listed in {@code db/migration/index.txt} (a jar cannot be listed). Applied
 * versions are recorded in {@code schema_version} with a checksum; each script runs in its own
 * transaction. Refuses to run when an applied script was changed afterwards or when the database
 * is newer than this code.
 */
public final class Migrations {

    /** Where the scripts and their index live on the class path. */
    public static final String LOCATION = "db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final ClassLoader loader;
    private final String location;

    public Migrations() {
        this(Migrations.class.getClassLoader(), LOCATION);
    }

    Migrations(ClassLoader loader, String location) {
        this.loader = loader;
        this.location = location;
    }

    /** One script: its version, description, text and checksum. */
    public record Migration(int version, String description, String sql, String checksum) {
    }

    /** The scripts this code knows, by version. */
    public List<Migration> available() {
        Map<Integer, Migration> byVersion = new TreeMap<>();
        for (String name : readLines(location + "/index.txt")) {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new StorageException("Bad migration name in " + location + "/index.txt: " + name);
            }
            String sql = String.join("\n", readLines(location + "/" + name));
            Migration migration = new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql, sha256(sql));
            if (byVersion.put(migration.version(), migration) != null) {
                throw new StorageException("Two migrations have version " + migration.version());
            }
        }
        return List.copyOf(byVersion.values());
    }

    /**
     * Brings the database up to date; returns how many scripts it applied (0 when it already was).
     *
     * @throws StorageException when the database cannot be migrated; the message is for an operator
     */
    public int migrate(DataSource dataSource) {
        List<Migration> known = available();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                            + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                            + "checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");
                }
                validate(applied(c), known);
                int count = 0;
                for (Migration m : known) {
                    if (apply(c, m)) {
                        count++;
                    }
                }
                return count;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot migrate the database: " + e.getMessage(), e);
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private static void validate(Map<Integer, String> applied, List<Migration> known) {
        int newestKnown = known.isEmpty() ? 0 : known.get(known.size() - 1).version();
        for (Map.Entry<Integer, String> e : applied.entrySet()) {
            if (e.getKey() > newestKnown) {
                throw new StorageException("The database has schema version " + e.getKey()
                        + " but this Vinyl Detective knows versions up to " + newestKnown
                        + ": it was written by a newer release; run that release or restore a backup");
            }
            Migration m = known.stream().filter(k -> k.version() == e.getKey()).findFirst()
                    .orElseThrow(() -> new StorageException("The database has schema version " + e.getKey()
                            + " which this Vinyl Detective does not know"));
            if (!m.checksum().equals(e.getValue())) {
                throw new StorageException("Migration V" + m.version() + " (" + m.description()
                        + ") was changed after it was applied to this database (checksum " + e.getValue()
                        + " applied, " + m.checksum() + " now); refusing to start");
            }
        }
    }

    /** Applies one script in its own transaction unless it is already there (another process may have won). */
    private static boolean apply(Connection c, Migration m) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
                check.setInt(1, m.version());
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) {
                        c.rollback();
                        return false;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String sql : SqlScript.statements(m.sql())) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, m.version());
                insert.setString(2, m.description());
                insert.setString(3, m.checksum());
                insert.setLong(4, System.currentTimeMillis());
                insert.executeUpdate();
            }
            c.commit();
            LOG.info("Applied migration V{} ({})", m.version(), m.description());
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw new StorageException("Migration V" + m.version() + " (" + m.description() + ") failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private List<String> readLines(String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new StorageException("Missing resource " + resource + " on the class path");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean index = resource.endsWith("index.txt");
            while ((line = r.readLine()) != null) {
                if (!index) {
                    lines.add(line);
                } else if (!line.isBlank() && !line.strip().startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
        return lines;
    }

    private static String sha256(String text) {
        try {
            // Line endings normalised so a checkout with CRLF gives the same checksum.
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.replace("\r", "").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
