package io.vinyldetective.engine.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vinyldetective.api.ChatButton;
import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ChatCommand;
import io.vinyldetective.api.ChatHandler;
import io.vinyldetective.api.ChatMessage;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.pipeline.Stage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatChannelsTest {

    private static final ChatHandler HANDLER = new ChatHandler() {
        @Override
        public List<ChatCommand> commands() {
            return List.of();
        }

        @Override
        public List<ChatReply> onMessage(ChatMessage message) {
            return List.of();
        }

        @Override
        public List<ChatReply> onButton(ChatButton button) {
            return List.of();
        }
    };

    /** Fails to open {@code failures} times with retry-later (or with a bug), then opens. */
    private static final class FlakyChannel implements ChatChannel {
        final AtomicInteger attempts = new AtomicInteger();
        final CountDownLatch opened = new CountDownLatch(1);
        final int failures;
        final boolean bug;

        FlakyChannel(int failures, boolean bug) {
            this.failures = failures;
            this.bug = bug;
        }

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public void open(ChatHandler handler) {
            if (attempts.incrementAndGet() <= failures) {
                if (bug) {
                    throw new IllegalStateException("bug");
                }
                throw new PluginException.RetryLater("no network", null);
            }
            opened.countDown();
        }
    }

    @Test
    void anUnreachableServiceIsRetriedUntilTheChannelOpens() throws InterruptedException {
        FlakyChannel flaky = new FlakyChannel(2, false);
        try (ChatChannels channels = new ChatChannels(Duration.ofMillis(20))) {
            channels.open(List.of(new Stage<>("flaky", flaky)), HANDLER);
            assertEquals(true, flaky.opened.await(5, TimeUnit.SECONDS));
            assertEquals(3, flaky.attempts.get());
        }
    }

    @Test
    void aBrokenChannelStaysClosedAndTheOthersOpen() throws InterruptedException {
        FlakyChannel broken = new FlakyChannel(1, true);
        FlakyChannel fine = new FlakyChannel(0, false);
        try (ChatChannels channels = new ChatChannels(Duration.ofMillis(20))) {
            channels.open(List.of(new Stage<>("broken", broken), new Stage<>("fine", fine)), HANDLER);
            assertEquals(true, fine.opened.await(5, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertEquals(1, broken.attempts.get());
        }
    }
}
