package io.vinyldetective.engine.plugins;

import java.nio.file.Path;

/**
 * A jar in the plugins folder that the engine did not load, and why, in words a user can act on.
 *
 * @param file     the jar
 * @param pluginId its plugin id when the manifest could be read, else null
 * @param reason   what is wrong and what to do
 */
public record PluginProblem(Path file, String pluginId, String reason) {

    @Override
    public String toString() {
        return (pluginId == null ? file.getFileName().toString() : "plugin '" + pluginId + "' (" + file.getFileName() + ")")
                + ": " + reason;
    }
}
