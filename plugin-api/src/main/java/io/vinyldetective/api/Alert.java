package io.vinyldetective.api;

import java.util.Objects;

/**
 * One deal addressed to one subscriber. The engine writes each (recipient, listing) pair to its
 * outbox once and hands it to the notifier until the notifier reports it delivered or gone.
 *
 * @param id        the outbox id; stable across retries and restarts, so a notifier can de-duplicate
 * @param recipient the notifier's address for the subscriber (for Telegram: the chat id)
 * @param deal      what to tell
 */
public record Alert(long id, String recipient, Deal deal) {

    public Alert {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(deal, "deal");
    }
}
