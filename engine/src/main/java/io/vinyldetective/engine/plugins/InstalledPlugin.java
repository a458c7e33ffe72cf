package io.vinyldetective.engine.plugins;

import java.nio.file.Path;
import java.util.List;

/**
 * A plugin the engine loaded.
 *
 * @param id              the plugin id ({@code Plugin-Id})
 * @param version         its version
 * @param requires        the plugin API range it was built for ({@code Plugin-Requires})
 * @param description     one line
 * @param file            where it came from
 * @param state           PF4J's state, e.g. {@code RESOLVED}, {@code STARTED}
 * @param extensionPoints the simple names of the extension points it implements
 */
public record InstalledPlugin(String id, String version, String requires, String description, Path file,
                              String state, List<String> extensionPoints) {
}
