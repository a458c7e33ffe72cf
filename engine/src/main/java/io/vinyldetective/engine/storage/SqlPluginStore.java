package io.vinyldetective.engine.storage;

import io.vinyldetective.api.PluginStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin's {@link PluginStore} in the engine database (table {@code plugin_store}, migration V3).
 * Each operation is one auto-committed statement, or one short transaction for an increment, so
 * concurrent increments never lose a count.
 */
public final class SqlPluginStore implements PluginStore {

    private static final int MAX_KEY = 200;

    private final DataSource dataSource;
    private final String pluginId;
    private final Clock clock;

    public SqlPluginStore(DataSource dataSource, String pluginId, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long increment(String key, long by) {
        checked(key);
        try {
            return Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement upsert = c.prepareStatement(
                        "INSERT INTO plugin_store (plugin_id, store_key, counter, updated_at) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (plugin_id, store_key) DO UPDATE "
                                + "SET counter = plugin_store.counter + excluded.counter, updated_at = excluded.updated_at")) {
                    upsert.setString(1, pluginId);
                    upsert.setString(2, key);
                    upsert.setLong(3, by);
                    upsert.setLong(4, clock.millis());
                    upsert.executeUpdate();
                }
                return readCounter(c, key);
            });
        } catch (SQLException e) {
            throw failure("increment", key, e);
        }
    }

    @Override
    public long counter(String key) {
        checked(key);
        try (Connection c = dataSource.getConnection()) {
            return readCounter(c, key);
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public Optional<String> text(String key) {
        checked(key);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT text_value FROM plugin_store WHERE plugin_id = ? AND store_key = ?")) {
            s.setString(1, pluginId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void putText(String key, String value) {
        checked(key);
        Objects.requireNonNull(value, "value");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO plugin_store (plugin_id, store_key, text_value, updated_at) VALUES (?, ?, ?, ?) "
                             + "ON CONFLICT (plugin_id, store_key) DO UPDATE "
                             + "SET text_value = excluded.text_value, updated_at = excluded.updated_at")) {
            s.setString(1, pluginId);
            s.setString(2, key);
            s.setString(3, value);
            s.setLong(4, clock.millis());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public void remove(String key) {
        checked(key);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM plugin_store WHERE plugin_id = ? AND store_key = ?")) {
            s.setString(1, pluginId);
            s.setString(2, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove", key, e);
        }
    }

    private long readCounter(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT counter FROM plugin_store WHERE plugin_id = ? AND store_key = ?")) {
            s.setString(1, pluginId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    private static void checked(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("store keys are 1 to " + MAX_KEY + " characters");
        }
    }

    private StorageException failure(String what, String key, SQLException e) {
        return new StorageException("Plugin store of '" + pluginId + "': cannot " + what + " '" + key + "': "
                + e.getMessage(), e);
    }
}
