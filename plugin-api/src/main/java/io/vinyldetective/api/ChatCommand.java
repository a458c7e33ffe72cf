package io.vinyldetective.api;

import java.util.Objects;

/**
 * A command for a client's command menu.
 *
 * @param name        without the slash, lower case, e.g. {@code add_search}
 * @param description one short line
 * @since 1.1.0
 */
public record ChatCommand(String name, String description) {

    public ChatCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("command names are 1-32 of a-z, 0-9, _: '" + name + "'");
        }
    }
}
