package io.vinyldetective.api;

import java.util.List;
import java.util.Objects;

/**
 * A user's wantlist as the price oracle's service keeps it (Discogs: {@code /users/{username}/wants}),
 * read in full, or why it could not be read.
 *
 * @param username the user, as the service spells it
 * @param access   whether the list could be read
 * @param wants    every wanted release, in the service's order (what the list shows of each: title,
 *                 artists, labels and catalog numbers, formats, year, and the master when the service
 *                 says); empty unless {@code access} is {@link Access#READ}
 * @since 1.2.0
 */
public record Wantlist(String username, Access access, List<Release> wants) {

    public Wantlist {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(access, "access");
        wants = wants == null ? List.of() : List.copyOf(wants);
    }

    /** Whether the list was read. */
    public enum Access {
        /** Read in full: {@link #wants()} is the whole list. */
        READ,
        /** The owner keeps it private, and the oracle's credentials are not the owner's. */
        PRIVATE,
        /** The service has no such user. */
        NO_SUCH_USER
    }

    public static Wantlist read(String username, List<Release> wants) {
        return new Wantlist(username, Access.READ, wants);
    }

    public static Wantlist refused(String username, Access access) {
        if (access == Access.READ) {
            throw new IllegalArgumentException("a refusal needs PRIVATE or NO_SUCH_USER");
        }
        return new Wantlist(username, access, List.of());
    }
}
