package io.vinyldetective.engine.cli;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Opens the database (creating and migrating it) before the pipeline starts. */
@Singleton
public class EngineStartup {

    private final DataSource dataSource;

    public EngineStartup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void openDatabase() {
        try (Connection c = dataSource.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database: " + e.getMessage(), e);
        }
    }
}
