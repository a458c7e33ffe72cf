package io.vinyldetective.engine.storage;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import com.zaxxer.hikari.HikariConfig;
import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Runs when the pool is created, ahead of Micronaut Data's own DataSource wrappers: wraps the
 * pool so that {@code setReadOnly} is harmless and so that the first connection first creates the
 * database folder and migrates the schema (so nothing ever sees an old one). The pool itself opens
 * no connection before that (minimum-idle 0, no fail-fast probe).
 */
@Singleton
final class SqliteDataSourcePreparer implements BeanCreatedEventListener<DataSource>, Ordered {

    private final Migrations migrations = new Migrations();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        String url = jdbcUrl(pool);
        if (url == null || !url.startsWith(SqliteDataSourceConfigurer.SQLITE_PREFIX)) {
            return pool;
        }
        return new ReadOnlyTolerantDataSource(pool, () -> {
            SqliteDataSourceConfigurer.createParentDirectory(url);
            migrations.migrate(pool);
        });
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static String jdbcUrl(DataSource pool) {
        try {
            return pool.isWrapperFor(HikariConfig.class) ? pool.unwrap(HikariConfig.class).getJdbcUrl() : null;
        } catch (SQLException e) {
            throw new StorageException("Cannot read the database URL: " + e.getMessage(), e);
        }
    }
}
