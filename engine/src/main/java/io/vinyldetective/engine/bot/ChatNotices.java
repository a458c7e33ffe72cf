package io.vinyldetective.engine.bot;

import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.engine.pipeline.Stage;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the engine sends a chat unprompted, when work a command started in the background is done
 * (a wantlist read): through the first open chat channel that can send. Without one the notice is
 * only logged (the chat sees the outcome in {@code /wants}). Thread-safe.
 */
@Singleton
public class ChatNotices {

    private static final Logger LOG = LoggerFactory.getLogger(ChatNotices.class);

    private final List<Stage<ChatChannel>> channels = new CopyOnWriteArrayList<>();

    /** The channels notices go through, in order. */
    public void attach(List<Stage<ChatChannel>> opened) {
        channels.clear();
        channels.addAll(opened);
    }

    /** Sends a notice; returns whether a channel took it. Never throws. */
    public boolean send(String chatId, String text) {
        for (Stage<ChatChannel> channel : channels) {
            try {
                if (channel.extension().send(new ChatReply(chatId, text))) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.warn("Chat channel '{}' could not send a notice: {}", channel.pluginId(), e.getMessage());
            }
        }
        LOG.info("Notice for chat {} not sent (no chat channel can send): {}", chatId, text);
        return false;
    }
}
