package io.vinyldetective.engine.storage;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/**
 * The saved searches. Micronaut Data has no SQLite dialect; MySQL's SQL is what works on sqlite-jdbc.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SavedSearchRepository extends CrudRepository<SavedSearch, Long> {

    /** A subscriber's searches, oldest first. */
    List<SavedSearch> findByChatIdOrderById(String chatId);

    /** The searches that are not paused. */
    List<SavedSearch> findByActiveTrue();

    /** How many searches a subscriber has (for a per-chat limit). */
    long countByChatId(String chatId);

    /** Records a poll. */
    void updateLastPolledAt(@io.micronaut.data.annotation.Id Long id, Instant lastPolledAt);
}
