package io.vinyldetective.engine.wants;

import java.time.Instant;

/**
 * The Discogs wantlist a chat follows.
 *
 * @param chatId       the chat
 * @param username     the Discogs user
 * @param pressingsAny what new wants start with: any pressing of the master, or the exact release
 * @param addedAt      when the chat linked it
 * @param syncedAt     the last complete read, or null
 * @param syncError    why the last read failed, or null when it worked
 * @param nextSyncAt   when it is read next
 * @param auctions     what new wants start with: auctions ending soon alerted too, or not
 */
public record WantlistLink(String chatId, String username, boolean pressingsAny, Instant addedAt, Instant syncedAt,
                           String syncError, Instant nextSyncAt, boolean auctions) {
}
