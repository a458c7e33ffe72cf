package io.vinyldetective.plugins.telegram;

import io.vinyldetective.api.ChatButton;
import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ChatHandler;
import io.vinyldetective.api.ChatMessage;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.pf4j.Extension;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot's command channel: long polling ({@code getUpdates}, no web server), the engine's
 * commands published with {@code setMyCommands}, each text message and button press handed to the
 * engine's {@link ChatHandler} and its replies sent back as plain text. Button presses are answered
 * ({@code answerCallbackQuery}) with the first reply, so the client stops its spinner.
 * Updates are handled one at a time, in order, on one thread of the channel's own.
 */
@Extension
public class TelegramChannel implements ChatChannel {

    /** Telegram's limit for a callback answer. */
    static final int CALLBACK_TEXT_LIMIT = 200;
    /** Telegram's limit for a message. */
    static final int MESSAGE_LIMIT = 4096;

    private volatile TelegramSettings settings;
    private volatile System.Logger log;
    private volatile OkHttpClient http;
    private volatile OkHttpTelegramClient client;
    private volatile TelegramBotsLongPollingApplication polling;
    private volatile ExecutorService worker;

    @Override
    public List<ConfigKey> configKeys() {
        return TelegramSettings.KEYS;
    }

    @Override
    public void start(PluginContext context) {
        settings = TelegramSettings.from(context.config());
        log = context.logger();
    }

    @Override
    public void open(ChatHandler handler) {
        http = new OkHttpClient();
        client = new OkHttpTelegramClient(http, settings.token(), settings.url());
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "telegram-updates");
            t.setDaemon(true);
            return t;
        });
        try {
            client.execute(SetMyCommands.builder().commands(handler.commands().stream()
                    .map(c -> new BotCommand(c.name(), c.description())).toList()).build());
            polling = new TelegramBotsLongPollingApplication();
            LongPollingUpdateConsumer consumer = updates -> worker.execute(() -> updates.forEach(u -> handle(handler, u)));
            polling.registerBot(settings.token(), settings::url, new DefaultGetUpdatesGenerator(), consumer);
        } catch (TelegramApiException e) {
            stop();
            throw new PluginException.RetryLater("cannot reach the Bot API: " + TelegramFailures.reason(e)
                    + (e.getMessage() == null ? "" : " (" + e.getMessage().replace(settings.token(), "****") + ")"), null);
        }
    }

    private void handle(ChatHandler handler, Update update) {
        try {
            if (update.hasMessage()) {
                Message message = update.getMessage();
                if (message.hasText()) {
                    send(handler.onMessage(new ChatMessage(message.getChatId().toString(), message.getText())));
                }
            } else if (update.hasCallbackQuery()) {
                CallbackQuery query = update.getCallbackQuery();
                Long chat = query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
                List<ChatReply> replies = handler.onButton(new ChatButton(chat.toString(), query.getData()));
                AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder()
                        .callbackQueryId(query.getId());
                if (!replies.isEmpty()) {
                    answer.text(cut(replies.get(0).text(), CALLBACK_TEXT_LIMIT));
                }
                client.execute(answer.build());
                send(replies.subList(Math.min(1, replies.size()), replies.size()));
            }
        } catch (TelegramApiException e) {
            log.log(System.Logger.Level.WARNING, "Update {0}: could not answer: {1}", update.getUpdateId(),
                    TelegramFailures.delivery(e).detail());
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.ERROR, "Update {0}: could not handle: {1}", update.getUpdateId(), e.toString());
        }
    }

    private void send(List<ChatReply> replies) throws TelegramApiException {
        for (ChatReply reply : replies) {
            client.execute(SendMessage.builder().chatId(reply.chatId()).text(cut(reply.text(), MESSAGE_LIMIT)).build());
        }
    }

    /** A message the engine sends unprompted, as plain text; false when the Bot API refused it or is unreachable. */
    @Override
    public boolean send(ChatReply message) {
        OkHttpTelegramClient c = client;
        if (c == null) {
            return false;
        }
        try {
            send(List.of(message));
            return true;
        } catch (TelegramApiException e) {
            log.log(System.Logger.Level.WARNING, "Could not send a message: {0}", TelegramFailures.delivery(e).detail());
            return false;
        }
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    @Override
    public void stop() {
        TelegramBotsLongPollingApplication p = polling;
        polling = null;
        if (p != null) {
            try {
                p.close();
            } catch (Exception e) {
                log.log(System.Logger.Level.WARNING, "Stopping long polling: {0}", e.toString());
            }
        }
        ExecutorService w = worker;
        if (w != null) {
            w.shutdown();
            try {
                w.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        OkHttpClient h = http;
        if (h != null) {
            h.dispatcher().executorService().shutdown();
            h.connectionPool().evictAll();
        }
    }
}
