package io.vinyldetective.engine.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.storage.Migrations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The daily cleanup forgets listings older than the retention and nothing younger. */
class ListingCleanupJobTest {

    @TempDir
    Path dir;

    @Test
    void forgetsListingsSeenLongerAgoThanTheRetention() {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + dir.resolve("cleanup.db"));
        new Migrations().migrate(db);
        MutableClock clock = new MutableClock(Instant.parse("2026-10-01T12:00:00Z"));
        SeenListings seen = new SeenListings(db, clock);
        QueryKey key = new QueryKey("blue note", MediaFormat.VINYL, "USD", false);
        seen.record(listing("old"));
        seen.markSeen(key, List.of("old"));
        clock.advance(Duration.ofDays(20));
        seen.record(listing("recent"));
        seen.markSeen(key, List.of("recent"));
        clock.advance(Duration.ofDays(15));

        ListingCleanupJob job = new ListingCleanupJob(seen, PollSettings.defaults(), clock);
        assertEquals(1, job.runOnce());

        assertFalse(seen.seen(key, "old"), "35 days old: forgotten");
        assertTrue(seen.seen(key, "recent"), "15 days old: kept");
        assertEquals(0, job.runOnce());
    }

    private static Listing listing(String id) {
        return new Listing(id, "ebay", "Blue Note LP " + id, Money.of("10.00", "USD"), null, null, null,
                MediaFormat.VINYL, null, Map.of(), new Listing.Seller("alice", 10, 100.0), List.of(), null, null, null, null);
    }
}
