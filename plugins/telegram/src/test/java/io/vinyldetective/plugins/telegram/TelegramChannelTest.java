package io.vinyldetective.plugins.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vinyldetective.api.ChatButton;
import io.vinyldetective.api.ChatCommand;
import io.vinyldetective.api.ChatHandler;
import io.vinyldetective.api.ChatMessage;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.api.PluginException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command channel against the loopback fake Bot API: updates in, calls recorded. */
class TelegramChannelTest {

    private FakeBotApi api;
    private TelegramChannel channel;
    private final List<Object> received = new CopyOnWriteArrayList<>();

    /** Echoes what it got, so the test sees the round trip; the engine's BotCommands is tested in the engine. */
    private final ChatHandler handler = new ChatHandler() {
        @Override
        public List<ChatCommand> commands() {
            return List.of(new ChatCommand("help", "What I can do"), new ChatCommand("add_search", "Save a search"));
        }

        @Override
        public List<ChatReply> onMessage(ChatMessage message) {
            received.add(message);
            return List.of(new ChatReply(message.chatId(), "you said: " + message.text()));
        }

        @Override
        public List<ChatReply> onButton(ChatButton button) {
            received.add(button);
            return List.of(new ChatReply(button.chatId(), "Muted."), new ChatReply(button.chatId(), "and more"));
        }
    };

    @BeforeEach
    void start() throws IOException {
        api = new FakeBotApi();
        channel = new TelegramChannel();
        channel.start(TestContext.pointingAt(api));
    }

    @AfterEach
    void stop() {
        channel.stop();
        api.close();
    }

    @Test
    void opensByPublishingCommandsAndDeletingTheWebhook() throws InterruptedException {
        channel.open(handler);
        JsonNode commands = api.await("setMyCommands", 1).get(0).json().get("commands");
        assertEquals("help", commands.get(0).get("command").asText());
        assertEquals("add_search", commands.get(1).get("command").asText());
        assertEquals("deleteWebhook", api.await("deleteWebhook", 1).get(0).method());
    }

    @Test
    void aMessageGoesToTheHandlerAndTheReplyBackAsPlainText() throws InterruptedException {
        channel.open(handler);
        api.userSays(1111111, "/add_search <b>blue</b> & note");
        FakeBotApi.Call sent = api.await("sendMessage", 1).get(0);
        assertEquals(List.of(new ChatMessage("1111111", "/add_search <b>blue</b> & note")), received);
        JsonNode body = sent.json();
        assertEquals("1111111", body.get("chat_id").asText());
        assertEquals("you said: /add_search <b>blue</b> & note", body.get("text").asText());
        assertTrue(body.get("parse_mode") == null, "replies are plain text, so user text needs no escaping");
    }

    @Test
    void aNoticeIsSentUnpromptedAsPlainTextAndNotBeforeTheChannelIsOpen() throws InterruptedException {
        assertFalse(channel.send(new ChatReply("1111111", "too early")), "not open yet");
        channel.open(handler);

        assertTrue(channel.send(new ChatReply("1111111", "Wantlist of <rodney>: 2 wants")));

        FakeBotApi.Call sent = api.await("sendMessage", 1).get(0);
        assertEquals("1111111", sent.json().get("chat_id").asText());
        assertEquals("Wantlist of <rodney>: 2 wants", sent.json().get("text").asText());
        assertTrue(sent.json().get("parse_mode") == null, "plain text: no markup to escape");
    }

    @Test
    void messagesAreHandledInOrder() throws InterruptedException {
        channel.open(handler);
        for (int i = 0; i < 5; i++) {
            api.userSays(1111111, "/n " + i);
        }
        List<FakeBotApi.Call> sent = api.await("sendMessage", 5);
        for (int i = 0; i < 5; i++) {
            assertEquals("you said: /n " + i, sent.get(i).json().get("text").asText());
        }
    }

    @Test
    void aButtonIsAnsweredWithTheFirstReplyAndTheRestAreSent() throws InterruptedException {
        channel.open(handler);
        api.userPresses(2222222, "cbq-1", "m:249504");
        JsonNode answer = api.await("answerCallbackQuery", 1).get(0).json();
        assertEquals("cbq-1", answer.get("callback_query_id").asText());
        assertEquals("Muted.", answer.get("text").asText());
        assertEquals(List.of(new ChatButton("2222222", "m:249504")), received);
        assertEquals("and more", api.await("sendMessage", 1).get(0).json().get("text").asText());
    }

    @Test
    void aBotApiThatCannotBeReachedIsRetryLaterWithoutTheToken() {
        api.scriptError("deleteWebhook", 500, "Internal Server Error");
        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class, () -> channel.open(handler));
        assertTrue(!e.getMessage().contains(FakeBotApiTokens.TOKEN), e.getMessage());
    }
}
