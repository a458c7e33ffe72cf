package io.vinyldetective.engine.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain-JDBC work in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {

    private Transactions() {
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction on a connection from {@code dataSource} and returns its
     * result. The connection's auto-commit mode is restored before it goes back to the pool.
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
