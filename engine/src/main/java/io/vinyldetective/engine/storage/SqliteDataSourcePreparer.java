package io.vinyldetective.engine.storage;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs when the pool is created, before any bean can use it: migrates the schema (so nothing
 * ever sees an old one) and wraps the pool so that {@code setReadOnly} is harmless. Runs ahead of
 * Micronaut Data's own DataSource wrappers.
 */
@Singleton
final class SqliteDataSourcePreparer implements BeanCreatedEventListener<DataSource>, Ordered {

    private final Migrations migrations = new Migrations();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        if (!isSqlite(pool)) {
            return pool;
        }
        migrations.migrate(pool);
        return new ReadOnlyTolerantDataSource(pool);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static boolean isSqlite(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:sqlite:");
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database: " + e.getMessage(), e);
        }
    }
}
