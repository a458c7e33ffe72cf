package io.vinyldetective.api;

/**
 * Optional capability of a plugin that is also a chat front end (Telegram, Matrix, ...): it
 * receives what subscribers type and the buttons they press, and passes them to the engine's
 * {@link ChatHandler}, which owns every command, its validation and its answers. A channel parses
 * nothing itself, so every chat front end offers the same commands.
 *
 * <p>The engine calls {@link #open} once, after {@link #start}; from then on the channel delivers
 * messages (on threads of its own) until {@link #stop}. The handler may be called from several
 * threads at once. A channel sends each {@link ChatReply} as plain text (no markup).
 *
 * @since 1.1.0
 */
public interface ChatChannel extends PipelineExtension {

    /**
     * Starts receiving. May connect to the network. Publish {@link ChatHandler#commands()} to the
     * service, if it has a command menu.
     *
     * @throws PluginException.RetryLater when the service cannot be reached now (the engine retries)
     */
    void open(ChatHandler handler);

    /**
     * Sends a message to a chat on the channel's own initiative, not as a reply: when work a command
     * started in the background is done (e.g. a wantlist read). Plain text, like replies.
     *
     * @return whether it was sent; false when the channel cannot send unprompted or the service refused
     * @since 1.2.0
     */
    default boolean send(ChatReply message) {
        return false;
    }
}
