package io.vinyldetective.engine.destinations;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.storage.Transactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The chats' destinations (table {@code chat_destinations}), with plain JDBC. Removing or disabling
 * a destination settles its pending outbox rows in the same transaction, so no alert waits for a
 * place that will never take it.
 */
@Singleton
public class DestinationStore {

    private static final String COLUMNS = "id, chat_id, notifier, recipient, display, state, created_at, last_error";

    private final DataSource dataSource;

    @Inject
    public DestinationStore(EngineDatabase database) {
        this(database.dataSource());
    }

    /** For tests and tools: over a plain (migrated) data source. */
    public DestinationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What {@link #add} did: the destination, and whether the chat had it already (then it is active again). */
    public record Added(Destination destination, boolean existed) {
    }

    /**
     * Adds an address for a chat. The same address again (same notifier and normalised recipient)
     * is not added twice: the existing destination is returned, made active again if it was gone.
     */
    public Added add(String chatId, String notifierId, ChatAddress address, Instant now) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                Optional<Destination> existing = first(c, "SELECT " + COLUMNS + " FROM chat_destinations"
                        + " WHERE chat_id = ? AND notifier = ? AND recipient = ?", chatId, notifierId, address.recipient());
                if (existing.isPresent()) {
                    execute(c, "UPDATE chat_destinations SET state = 'active', display = ?, last_error = NULL, changed_at = ?"
                            + " WHERE id = ?", address.display(), now.toEpochMilli(), existing.get().id());
                    return new Added(find(c, existing.get().id()).orElseThrow(), true);
                }
                execute(c, "INSERT INTO chat_destinations (chat_id, notifier, recipient, display, state, created_at, changed_at)"
                        + " VALUES (?, ?, ?, ?, 'active', ?, ?)", chatId, notifierId, address.recipient(), address.display(),
                        now.toEpochMilli(), now.toEpochMilli());
                return new Added(first(c, "SELECT " + COLUMNS + " FROM chat_destinations WHERE chat_id = ? AND notifier = ?"
                        + " AND recipient = ?", chatId, notifierId, address.recipient()).orElseThrow(), false);
            });
        } catch (SQLException e) {
            throw failure("add the destination", e);
        }
    }

    /** The chat's destinations, oldest first, active or not. */
    public List<Destination> of(String chatId) {
        return list("SELECT " + COLUMNS + " FROM chat_destinations WHERE chat_id = ? ORDER BY id", chatId);
    }

    /** The chat's active destinations, oldest first: where its alerts go besides the chat itself. */
    public List<Destination> active(String chatId) {
        return list("SELECT " + COLUMNS + " FROM chat_destinations WHERE chat_id = ? AND state = 'active' ORDER BY id", chatId);
    }

    /** Every active destination of every chat. */
    public List<Destination> allActive() {
        return list("SELECT " + COLUMNS + " FROM chat_destinations WHERE state = 'active' ORDER BY id");
    }

    public Optional<Destination> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw failure("read the destinations", e);
        }
    }

    /**
     * Removes one of the chat's destinations (another chat's number finds nothing); its pending
     * alerts are marked failed. Returns what was removed.
     */
    public Optional<Destination> remove(String chatId, long id) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                Optional<Destination> found = find(c, id).filter(d -> d.chatId().equals(chatId));
                if (found.isPresent()) {
                    execute(c, "UPDATE alert_outbox SET state = 'failed', last_error = 'destination removed by the chat'"
                            + " WHERE destination_id = ? AND state = 'pending'", id);
                    execute(c, "DELETE FROM chat_destinations WHERE id = ?", id);
                }
                return found;
            });
        } catch (SQLException e) {
            throw failure("remove the destination", e);
        }
    }

    /**
     * Disables a destination the service called gone; its pending alerts are marked gone. Returns
     * false when it was not active (already disabled, or removed meanwhile).
     */
    public boolean disable(long id, String reason, Instant now) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                int changed = execute(c, "UPDATE chat_destinations SET state = 'gone', last_error = ?, changed_at = ?"
                        + " WHERE id = ? AND state = 'active'", reason, now.toEpochMilli(), id);
                execute(c, "UPDATE alert_outbox SET state = 'gone', last_error = ? WHERE destination_id = ? AND state = 'pending'",
                        reason, id);
                return changed > 0;
            });
        } catch (SQLException e) {
            throw failure("disable the destination", e);
        }
    }

    /** How many destinations, active or not, of each state there are: for the doctor. */
    public long count(boolean active) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM chat_destinations WHERE state " + (active ? "=" : "<>") + " 'active'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure("count the destinations", e);
        }
    }

    private Optional<Destination> find(Connection c, long id) throws SQLException {
        return first(c, "SELECT " + COLUMNS + " FROM chat_destinations WHERE id = ?", id);
    }

    private List<Destination> list(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return list(c, sql, args);
        } catch (SQLException e) {
            throw failure("read the destinations", e);
        }
    }

    private static Optional<Destination> first(Connection c, String sql, Object... args) throws SQLException {
        List<Destination> found = list(c, sql, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Destination> list(Connection c, String sql, Object... args) throws SQLException {
        List<Destination> out = new ArrayList<>();
        try (PreparedStatement ps = bind(c.prepareStatement(sql), args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Destination(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        "active".equals(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)));
            }
        }
        return out;
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

    /** The message names what failed, never a recipient (the driver does not quote bound values). */
    private static StorageException failure(String what, SQLException e) {
        return new StorageException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
