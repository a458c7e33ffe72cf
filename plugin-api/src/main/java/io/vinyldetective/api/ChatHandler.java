package io.vinyldetective.api;

import java.util.List;

/**
 * The engine's side of a {@link ChatChannel}: turns what a subscriber sent into the replies to
 * send back. Implemented by the engine; thread-safe; never throws for bad input (a bad input is
 * answered with one explanatory reply).
 *
 * @since 1.1.0
 */
public interface ChatHandler {

    /** The commands to show in the client's command menu, in order. */
    List<ChatCommand> commands();

    /** A text message (a command or not). The replies go back to the same chat, in order. */
    List<ChatReply> onMessage(ChatMessage message);

    /**
     * A pressed button carrying data from {@link AlertButtons}. The channel shows the first reply
     * as the button's acknowledgement (a short notice), and sends any further replies as messages.
     */
    List<ChatReply> onButton(ChatButton button);
}
