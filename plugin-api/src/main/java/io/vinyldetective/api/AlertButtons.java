package io.vinyldetective.api;

import java.util.Optional;

/**
 * The data of the feedback buttons a {@link Notifier} puts under an alert, and its parsing by the
 * engine. One format for every notifier, so the engine's {@link ChatHandler} understands the
 * buttons of any chat front end. The data fits Telegram's 64-byte callback limit for listing ids up
 * to {@value #MAX_LISTING_ID} characters; {@link #wrongMatch} returns empty beyond that.
 *
 * @since 1.1.0
 */
public final class AlertButtons {

    /** The longest listing id a 'wrong match' button can carry. */
    public static final int MAX_LISTING_ID = 40;

    private static final String MUTE = "m:";
    private static final String WRONG = "w:";

    private AlertButtons() {
    }

    /** What a button asks for. */
    public sealed interface Action permits Mute, WrongMatch {
    }

    /** Never alert this chat to this release again. */
    public record Mute(long releaseId) implements Action {
    }

    /** This listing is not this release: a negative example for matching. */
    public record WrongMatch(long releaseId, String listingId) implements Action {
    }

    /** The data of a 'mute this release' button. */
    public static String mute(long releaseId) {
        return MUTE + releaseId;
    }

    /** The data of a 'wrong match' button, or empty when the listing id is too long to carry. */
    public static Optional<String> wrongMatch(long releaseId, String listingId) {
        if (listingId == null || listingId.isEmpty() || listingId.length() > MAX_LISTING_ID) {
            return Optional.empty();
        }
        return Optional.of(WRONG + releaseId + ":" + listingId);
    }

    /** The action a button's data asks for, or empty when the data is not one of these buttons. */
    public static Optional<Action> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        try {
            if (data.startsWith(MUTE)) {
                return Optional.of(new Mute(Long.parseLong(data.substring(MUTE.length()))));
            }
            if (data.startsWith(WRONG)) {
                String rest = data.substring(WRONG.length());
                int colon = rest.indexOf(':');
                if (colon > 0 && colon < rest.length() - 1) {
                    return Optional.of(new WrongMatch(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 1)));
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
