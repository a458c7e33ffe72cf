package io.vinyldetective.engine.storage;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The engine's database: the migrated connection pool for plain JDBC, and dedicated connections
 * for long jobs such as the dump import. The schema is migrated when the pool is created, before
 * any bean can use it.
 */
@Singleton
public class EngineDatabase {

    private final DataSource pool;
    private final StorageSettings settings;
    private final String url;

    public EngineDatabase(DataSource dataSource, StorageSettings settings) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.settings = settings;
        try (Connection c = pool.getConnection()) {
            this.url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database: " + e.getMessage(), e);
        }
    }

    /**
     * The pool, for plain JDBC outside Micronaut transactions. Connections are in auto-commit mode;
     * close them promptly (the pool is small).
     */
    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL of the database. */
    public String url() {
        return url;
    }

    /**
     * A connection of its own, outside the pool, with the standard pragmas changed by
     * {@code overrides} (sqlite-jdbc property names such as {@code synchronous} or {@code cache_size}).
     * The caller closes it.
     */
    public Connection openDedicatedConnection(Map<String, String> overrides) throws SQLException {
        Properties p = SqlitePragmas.standard(settings);
        p.putAll(overrides);
        return DriverManager.getConnection(url, p);
    }
}
