package io.vinyldetective.engine.wants;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.MediaFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A watch on one wanted release, from a chat's Discogs wantlist.
 *
 * @param id           the watch's number in {@code /wants}
 * @param chatId       whose it is
 * @param releaseId    the wanted Discogs release
 * @param masterId     its master, or null when Discogs gave none
 * @param artist       the artists as the wantlist shows them
 * @param firstArtist  the first of them as Discogs spells it (without its {@code (2)}), or null when none
 * @param title        the release title
 * @param format       the release's format, or null when unknown
 * @param catalogNumber the first catalog number printed on it, or null
 * @param year         the release year, or null
 * @param pressingsAny whether any pressing of the master will do (else only this release)
 * @param maxPrice     alert at or under this landed cost whatever the reference; null: at or under the reference
 * @param currency     the currency of {@code maxPrice}, or null
 * @param minGrade     no alert for a copy graded lower or not graded; null: any grade
 * @param active       false when paused
 * @param addedAt      when the watch was made
 * @param auctions     whether auctions ending soon are alerted too (at their current bid)
 */
public record Want(long id, String chatId, long releaseId, Long masterId, String artist, String firstArtist, String title,
                   MediaFormat format,
                   String catalogNumber, Integer year, boolean pressingsAny, BigDecimal maxPrice, String currency,
                   Grade minGrade, boolean active, Instant addedAt, boolean auctions) {

    /** For lists: {@code Artist – Title (Vinyl, 1959, BLP 1577)}. */
    public String describe() {
        StringBuilder details = new StringBuilder();
        if (format != null && format != MediaFormat.OTHER) {
            details.append(format.displayName());
        }
        if (year != null) {
            details.append(details.length() == 0 ? "" : ", ").append(year);
        }
        if (catalogNumber != null) {
            details.append(details.length() == 0 ? "" : ", ").append(catalogNumber);
        }
        return artist + " – " + title + (details.length() == 0 ? "" : " (" + details + ")");
    }

    public Want withSettings(boolean newPressingsAny, BigDecimal newMaxPrice, String newCurrency, Grade newMinGrade,
                             boolean newActive) {
        return new Want(id, chatId, releaseId, masterId, artist, firstArtist, title, format, catalogNumber, year, newPressingsAny,
                newMaxPrice, newCurrency, newMinGrade, newActive, addedAt, auctions);
    }

    public Want withAuctions(boolean newAuctions) {
        return new Want(id, chatId, releaseId, masterId, artist, firstArtist, title, format, catalogNumber, year, pressingsAny,
                maxPrice, currency, minGrade, active, addedAt, newAuctions);
    }
}
