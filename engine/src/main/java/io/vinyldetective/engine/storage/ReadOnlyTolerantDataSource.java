package io.vinyldetective.engine.storage;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * A DataSource whose connections ignore {@link Connection#setReadOnly}. Micronaut Data marks
 * read transactions read-only, and sqlite-jdbc refuses that flag on an open connection, so
 * without this every repository read fails.
 *
 * <p>It also opens the database on first use rather than when the application context starts:
 * {@code onFirstUse} (create the folder, migrate the schema) runs once, before the first
 * connection is handed out, so {@code --help} or a bad argument never creates a database.
 */
final class ReadOnlyTolerantDataSource implements DataSource {

    private final DataSource target;
    private volatile Runnable onFirstUse;

    ReadOnlyTolerantDataSource(DataSource target, Runnable onFirstUse) {
        this.target = target;
        this.onFirstUse = onFirstUse;
    }

    private void open() {
        if (onFirstUse != null) {
            synchronized (this) {
                Runnable first = onFirstUse;
                if (first != null) {
                    first.run();
                    onFirstUse = null;
                }
            }
        }
    }

    /** The pool underneath. */
    DataSource target() {
        return target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        open();
        return tolerant(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        open();
        return tolerant(target.getConnection(username, password));
    }

    private static Connection tolerant(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setReadOnly") && method.getParameterCount() == 1) {
                        return null;
                    }
                    if (method.getName().equals("isReadOnly") && method.getParameterCount() == 0) {
                        return false;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
