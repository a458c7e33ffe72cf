package io.vinyldetective.engine.destinations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.ChatMessage;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.bot.BotCommands;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.logging.SecretMasker;
import io.vinyldetective.engine.pipeline.TestPipelines;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /notify through the bot's commands, on the real stores and outbox on SQLite, with a notifier that takes hook URLs. */
class NotifyCommandsTest {

    private static final String ME = "1111111";
    private static final String OTHER = "2222222";
    private static final String TOKEN = "s3cretHookToken_42";
    private static final String URL = "https://hooks.example/123456789/" + TOKEN;

    @TempDir
    Path dir;
    private ApplicationContext context;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final HookNotifier hook = new HookNotifier();
    private final Notifier telegram = new Notifier() {
        @Override
        public void start(PluginContext c) {
        }

        @Override
        public Delivery deliver(Alert alert) {
            return Delivery.delivered();
        }
    };
    private AlertOutbox outbox;
    private DestinationStore store;
    private NotifyCommands notify;
    private BotCommands bot;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        outbox = context.getBean(AlertOutbox.class);
        store = context.getBean(DestinationStore.class);
        notify = new NotifyCommands(store, outbox, clock);
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        notifiers.put("telegram", telegram);
        notifiers.put("hook", hook);
        notify.attach(TestPipelines.notifiers(notifiers));
        bot = new BotCommands(context.getBean(SavedSearchRepository.class), context.getBean(ChatFeedback.class),
                BotSettings.allowing(ME + "," + OTHER), clock, null, null, null, notify);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private String say(String chat, String text) {
        clock.advance(Duration.ofSeconds(4));
        List<ChatReply> replies = bot.onMessage(new ChatMessage(chat, text));
        assertEquals(1, replies.size(), "one reply to " + text);
        return replies.get(0).text();
    }

    private String say(String text) {
        return say(ME, text);
    }

    @Test
    void theCommandIsInTheMenuBeforeStatusAndInTheHelp() {
        List<String> names = bot.commands().stream().map(c -> c.name()).toList();
        assertEquals(names.size() - 2, names.indexOf("notify"), names.toString());
        assertEquals("status", names.get(names.size() - 1));
        assertTrue(say("/help").contains("/notify"));
    }

    @Test
    void listAddTestAndRemove() throws InterruptedException {
        String empty = say("/notify");
        assertTrue(empty.startsWith("Your alerts go to this chat only."), empty);
        assertTrue(empty.contains("/notify hook <a hook URL, e.g. https://hooks.example/123/token>"), empty);

        String added = say("/notify hook " + URL);
        assertTrue(added.startsWith("Added #"), added);
        assertTrue(added.contains("hook hooks …/123456789/****"), added);
        long id = store.of(ME).get(0).id();
        assertEquals(URL.substring("https://hooks.example/".length()), store.of(ME).get(0).recipient());

        String again = say("/notify HOOK " + URL);
        assertTrue(again.startsWith("You have that place already: #" + id), again);
        assertEquals(1, store.of(ME).size());

        String list = say("/notify");
        assertTrue(list.contains("Your alerts go to this chat and to:\n#" + id + " hook hooks …/123456789/****"), list);
        assertTrue(list.contains("/notify remove <#>"), list);

        String test = say("/notify test");
        assertTrue(test.startsWith("Test card on its way to #" + id), test);
        assertEquals(1, outbox.drain(Map.of("hook", hook)));
        Alert card = hook.seen.get(0);
        assertEquals("123456789/" + TOKEN, card.recipient());
        assertTrue(card.deal().listing().title().startsWith("Test card"), card.deal().listing().title());
        assertEquals(0, context.getBean(ChatFeedback.class).alertsSentSince(ME, Instant.EPOCH), "a test card is no deal");

        assertEquals("You have no place #" + id + "; /notify lists yours.", say(OTHER, "/notify remove " + id));
        String removed = say("/notify remove #" + id);
        assertTrue(removed.startsWith("Removed #" + id + " hook hooks …/123456789/****"), removed);
        assertEquals(List.of(), store.of(ME));
    }

    @Test
    void badInputIsAnsweredAndChangesNothing() {
        assertEquals("That is not a hook address I can use: a hook URL looks like https://hooks.example/<number>/<token>",
                say("/notify hook https://evil.example/123/abc"));
        assertEquals("There is no notifier 'slack' here; you can add: hook.", say("/notify slack https://hooks.slack.com/x"));
        assertTrue(say("/notify telegram 42").startsWith("Alerts reach this chat through telegram already."));
        assertEquals("Where to? /notify hook <a hook URL, e.g. https://hooks.example/123/token>", say("/notify hook"));
        assertEquals("'abc' is not a number; /notify lists yours.", say("/notify remove abc"));
        assertEquals("Which one? Write /notify remove 3 to remove #3; /notify lists yours.", say("/notify remove"));
        assertTrue(say("/notify test").startsWith("You have no place to test."));
        assertTrue(say("/notify hook " + "x".repeat(600)).contains("characters long"));
        assertEquals(List.of(), store.of(ME));
        for (int i = 0; i < NotifyCommands.MAX_PER_CHAT; i++) {
            assertTrue(say("/notify hook https://hooks.example/" + (100 + i) + "/token" + i + "abcdefgh").startsWith("Added"));
        }
        assertTrue(say("/notify hook https://hooks.example/999/tokenXabcdefgh").startsWith("You have 5 places"));
        assertEquals(NotifyCommands.MAX_PER_CHAT, store.of(ME).size());
    }

    @Test
    void theSecretIsNeverInAReplyAndMaskedInTheLog() {
        List<String> replies = List.of(say("/notify hook " + URL), say("/notify"), say("/notify test"),
                say("/notify remove " + store.of(ME).get(0).id()));
        for (String reply : replies) {
            assertFalse(reply.contains(TOKEN), "a reply shows the webhook token: " + reply);
        }
        assertEquals("POST hooks.example/123456789/****", SecretMasker.mask("POST hooks.example/123456789/" + TOKEN));
    }

    @Test
    void secretsOfDestinationsAddedBeforeARestartAreMaskedFromTheStart() {
        String token = "tokenFromLastRun_77";
        store.add(ME, "hook", hook.chatAddress("https://hooks.example/42/" + token), clock.instant());
        assertEquals("x " + token, SecretMasker.mask("x " + token), "not yet registered");
        new NotifyCommands(store, outbox, clock).attach(TestPipelines.notifiers(Map.of("hook", hook)));
        assertEquals("x ****", SecretMasker.mask("x " + token));
    }

    @Test
    void aDestinationWhoseNotifierIsNotRunningIsListedAsWaiting() {
        say("/notify hook " + URL);
        NotifyCommands without = new NotifyCommands(store, outbox, clock);
        without.attach(TestPipelines.notifiers(Map.of("telegram", telegram)));
        String list = without.answer(ME, "notify", "").orElseThrow();
        assertTrue(list.contains("— waiting: hook is not running here now"), list);
        assertTrue(list.contains("This bot has no notifier that takes other places"), list);
    }
}
