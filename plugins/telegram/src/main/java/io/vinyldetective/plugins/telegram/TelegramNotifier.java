package io.vinyldetective.plugins.telegram;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.pf4j.Extension;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Sends each alert as an HTML card ({@link TelegramCard}): with the listing photo as a
 * {@code sendPhoto} when there is one and the card fits a caption, else as a {@code sendMessage};
 * under it a button that opens the listing and the 'wrong match' / 'mute this release' buttons.
 * Reports 429 as retry-later with Telegram's {@code retry_after}, 403 as gone; never retries by
 * itself (the engine's outbox does, and paces).
 */
@Extension
public class TelegramNotifier implements Notifier {

    /** The parse mode as the Bot API documents it (the library's constant is lower-case). */
    static final String HTML = "HTML";

    private volatile TelegramSettings settings;
    private volatile OkHttpClient http;
    private volatile OkHttpTelegramClient client;
    private volatile System.Logger log;
    private volatile Clock clock = Clock.systemUTC();

    @Override
    public List<ConfigKey> configKeys() {
        return TelegramSettings.KEYS;
    }

    @Override
    public void start(PluginContext context) {
        settings = TelegramSettings.from(context.config());
        log = context.logger();
        clock = context.clock();
    }

    /**
     * The Bot API client, made at the first alert: building it loads the HTTP and JSON libraries
     * (about 220 ms of a daemon start that has no alert to send yet).
     */
    private OkHttpTelegramClient client() {
        OkHttpTelegramClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    http = new OkHttpClient();
                    c = new OkHttpTelegramClient(http, settings.token(), settings.url());
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public Delivery deliver(Alert alert) {
        String chat = alert.recipient();
        String card = TelegramCard.render(alert.deal(), clock.instant());
        String photo = alert.deal().listing().imageUrl();
        try {
            if (photo != null && photo.startsWith("http") && card.length() <= TelegramCard.CAPTION_LIMIT) {
                try {
                    client().execute(SendPhoto.builder().chatId(chat).photo(new InputFile(photo)).caption(card)
                            .parseMode(HTML).replyMarkup(TelegramCard.keyboard(alert)).build());
                    return Delivery.delivered();
                } catch (TelegramApiRequestException e) {
                    if (e.getErrorCode() == null || e.getErrorCode() != 400
                            || String.valueOf(e.getApiResponse()).toLowerCase(Locale.ROOT).contains("chat not found")) {
                        throw e;
                    }
                    // Telegram could not fetch or use the photo: the card still goes out, as text.
                    log.log(System.Logger.Level.INFO, "Alert {0}: photo refused ({1}), sending the card as text",
                            alert.id(), e.getApiResponse());
                }
            }
            client().execute(SendMessage.builder().chatId(chat).text(card).parseMode(HTML)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(TelegramCard.keyboard(alert)).build());
            return Delivery.delivered();
        } catch (TelegramApiException e) {
            return TelegramFailures.delivery(e);
        }
    }

    @Override
    public void stop() {
        OkHttpClient h = http;
        if (h != null) {
            h.dispatcher().executorService().shutdown();
            h.connectionPool().evictAll();
        }
    }
}
