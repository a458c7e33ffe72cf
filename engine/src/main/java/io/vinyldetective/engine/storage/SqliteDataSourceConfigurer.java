package io.vinyldetective.engine.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the configuration of each SQLite pool before the pool opens its first connection: adds
 * the {@link SqlitePragmas standard pragmas}, keeping any property the configuration sets itself.
 */
@Singleton
final class SqliteDataSourceConfigurer implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private final StorageSettings settings;

    SqliteDataSourceConfigurer(StorageSettings settings) {
        this.settings = settings;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl() != null ? config.getUrl() : config.getJdbcUrl();
        if (url == null || !url.startsWith(SQLITE_PREFIX)) {
            return config;
        }
        SqlitePragmas.standard(settings)
                .forEach((key, value) -> config.getDataSourceProperties().putIfAbsent(key, value));
        return config;
    }

    /** Creates the folder of the database file (sqlite-jdbc does not). */
    static void createParentDirectory(String url) {
        Path file = databaseFile(url);
        if (file != null && file.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new StorageException("Cannot create the data directory " + file.toAbsolutePath().getParent()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** The file a SQLite JDBC URL names, or null for an in-memory database. */
    static Path databaseFile(String url) {
        String rest = url.substring(SQLITE_PREFIX.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":memory:")) {
            return null;
        }
        return Path.of(rest);
    }
}
