package io.vinyldetective.plugins.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.AlertButtons;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.bot.BotCommands;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's commands and outbox through this plugin, against the loopback fake Bot API and a
 * real SQLite file: what a subscriber sees in Telegram.
 */
class TelegramBotEndToEndTest {

    private static final long ME = 1111111;
    private static final long STRANGER = 999;

    @TempDir
    Path dir;
    private FakeBotApi api;
    private ApplicationContext engine;
    private TelegramChannel channel;
    private TelegramNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        engine = startEngine();
        channel = new TelegramChannel();
        channel.start(TestContext.pointingAt(api));
        channel.open(engine.getBean(BotCommands.class));
        notifier = new TelegramNotifier();
        notifier.start(TestContext.pointingAt(api));
    }

    private ApplicationContext startEngine() {
        return ApplicationContext.run(Map.of("vinyl-detective.data-dir", dir.toString(),
                "vinyl-detective.bot.allowed-chats", String.valueOf(ME)));
    }

    @AfterEach
    void stop() {
        channel.stop();
        notifier.stop();
        engine.close();
        api.close();
    }

    private String reply(int nth) throws InterruptedException {
        return api.await("sendMessage", nth).get(nth - 1).json().get("text").asText();
    }

    @Test
    void commandsAreAnsweredInTelegram() throws InterruptedException {
        com.fasterxml.jackson.databind.JsonNode menu = api.await("setMyCommands", 1).get(0).json().get("commands");
        assertEquals(13, menu.size(), "the search commands, the three wantlist commands, /notify, /status");
        assertEquals("wantlist", menu.get(8).get("command").asText());
        assertEquals("notify", menu.get(11).get("command").asText());
        api.userSays(ME, "/add_search blue note format:vinyl max:80");
        assertTrue(reply(1).startsWith("Saved search #"), reply(1));
        api.userSays(ME, "/my_searches");
        assertTrue(reply(2).contains("\"blue note\" · Vinyl · max 80 USD · threshold 25 % · every 30 min · active"), reply(2));
        api.userSays(ME, "/set_threshold 2");
        assertTrue(reply(3).startsWith("2 is out of range"), reply(3));
        api.userSays(ME, "what's up?");
        assertEquals("I only understand commands. Send /help for the list.", reply(4));
        api.userSays(STRANGER, "/add_search free records");
        FakeBotApi.Call refusal = api.await("sendMessage", 5).get(4);
        assertEquals(String.valueOf(STRANGER), refusal.json().get("chat_id").asText());
        assertTrue(refusal.json().get("text").asText().contains("Your chat id is " + STRANGER));
        assertEquals(List.of(), engine.getBean(SavedSearchRepository.class).findByChatIdOrderById(String.valueOf(STRANGER)));
    }

    @Test
    void buttonAnswersAreStored() throws InterruptedException {
        api.userPresses(ME, "cbq-7", AlertButtons.mute(249504));
        api.userPresses(ME, "cbq-8", AlertButtons.wrongMatch(249504, "v1|1234567890|0").orElseThrow());
        List<FakeBotApi.Call> answers = api.await("answerCallbackQuery", 2);
        assertEquals("Muted: you will get no more alerts for this release.", answers.get(0).json().get("text").asText());
        ChatFeedback feedback = engine.getBean(ChatFeedback.class);
        assertTrue(feedback.isMuted(String.valueOf(ME), 249504));
        assertTrue(feedback.isWrongMatch("v1|1234567890|0", 249504));
        assertEquals(AlertOutbox.Enqueued.MUTED, engine.getBean(AlertOutbox.class)
                .enqueue("telegram", String.valueOf(ME), Deals.alert(String.valueOf(ME), null).deal()));
    }

    @Test
    void outboxHonoursRetryAfterAndSendsEachAlertOnceAcrossARestart() throws Exception {
        AlertOutbox outbox = engine.getBean(AlertOutbox.class);
        String photo = "https://i.ebayimg.com/images/g/abc/s-l1600.jpg";
        outbox.enqueue("telegram", "1111111", Deals.alert("1111111", photo).deal());
        outbox.enqueue("telegram", "2222222", Deals.alert("2222222", null).deal());
        api.scriptTooManyRequests("sendPhoto", 1);
        Map<String, Notifier> notifiers = Map.of("telegram", notifier);
        assertEquals(0, outbox.drain(notifiers));
        assertEquals(1, api.calls("sendPhoto").size());
        assertEquals(0, api.calls("sendMessage").size(), "the whole bot waits out the 429");

        // Restart: a new engine on the same database file, after retry_after has passed.
        engine.close();
        Thread.sleep(1100);
        engine = startEngine();
        AlertOutbox restarted = engine.getBean(AlertOutbox.class);
        assertEquals(2, restarted.drain(notifiers));
        assertEquals(0, restarted.drain(notifiers));
        assertEquals(2, api.calls("sendPhoto").size());
        assertEquals(1, api.calls("sendMessage").size());
        assertEquals("2222222", api.calls("sendMessage").get(0).json().get("chat_id").asText());
        assertEquals(1, engine.getBean(ChatFeedback.class).alertsSentSince("1111111", java.time.Instant.EPOCH));
    }
}
