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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class OutboxDrainerTest {

    @TempDir
    Path dir;

    @Test
    void drainsInTheBackgroundUntilClosed() throws InterruptedException {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + dir.resolve("d.db"));
        new Migrations().migrate(db);
        AlertOutbox outbox = new AlertOutbox(db, new ChatFeedback(db), Clock.systemUTC(), d -> { });
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(2);
        Notifier notifier = new Notifier() {
            @Override
            public void start(PluginContext context) {
            }

            @Override
            public Delivery deliver(Alert alert) {
                first.countDown();
                delivered.countDown();
                return Delivery.delivered();
            }
        };
        outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
        try (OutboxDrainer drainer = new OutboxDrainer(outbox, Map.of("telegram", notifier), Duration.ofMillis(20))) {
            assertEquals(true, first.await(5, TimeUnit.SECONDS));
            outbox.enqueue("telegram", "2", TestDeals.full("B", 2));
            assertEquals(true, delivered.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void anAlertQueuedIsDeliveredAtOnceNotAtTheNextTurn() throws InterruptedException {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + dir.resolve("n.db"));
        new Migrations().migrate(db);
        AlertOutbox outbox = new AlertOutbox(db, new ChatFeedback(db), Clock.systemUTC(), d -> { });
        CountDownLatch delivered = new CountDownLatch(1);
        Notifier notifier = new Notifier() {
            @Override
            public void start(PluginContext context) {
            }

            @Override
            public Delivery deliver(Alert alert) {
                delivered.countDown();
                return Delivery.delivered();
            }
        };
        try (OutboxDrainer drainer = new OutboxDrainer(outbox, Map.of("telegram", notifier), Duration.ofHours(1))) {
            Thread.sleep(200); // the first scheduled drain has run and found nothing
            outbox.enqueue("telegram", "1", TestDeals.full("A", 1));
            assertEquals(true, delivered.await(5, TimeUnit.SECONDS), "delivered without waiting an hour");
        }
    }
}
