package io.vinyldetective.engine.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.storage.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class OutboxDrainerTest {

    @TempDir
    Path dir;
    private AlertOutbox outbox;

    @BeforeEach
    void migrate() {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + dir.resolve("d.db"));
        new Migrations().migrate(db);
        outbox = new AlertOutbox(db, new ChatFeedback(db), Clock.systemUTC(), d -> { });
    }

    /** A notifier that counts each delivery down on every latch given. */
    private static Notifier countingDown(CountDownLatch... latches) {
        return new Notifier() {
            @Override
            public void start(PluginContext context) {
            }

            @Override
            public Delivery deliver(Alert alert) {
                for (CountDownLatch latch : latches) {
                    latch.countDown();
                }
                return Delivery.delivered();
            }
        };
    }

    @Test
    void drainsInTheBackgroundUntilClosed() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(2);
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        try (OutboxDrainer drainer = new OutboxDrainer(outbox, Map.of("telegram", countingDown(first, delivered)),
                Duration.ofMillis(20))) {
            assertEquals(true, first.await(5, TimeUnit.SECONDS));
            outbox.enqueue("telegram", "2", TestDeals.full("B", 2));
            assertEquals(true, delivered.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void anAlertQueuedIsDeliveredAtOnceNotAtTheNextTurn() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        try (OutboxDrainer drainer = new OutboxDrainer(outbox, Map.of("telegram", countingDown(delivered)),
                Duration.ofHours(1))) {
            Thread.sleep(200); // the first scheduled drain has run and found nothing
            outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
            assertEquals(true, delivered.await(5, TimeUnit.SECONDS), "delivered without waiting an hour");
        }
    }
}
