package io.vinyldetective.engine.pipeline;

/**
 * A plugin broke its contract (threw something other than a {@code PluginException}, or a class
 * was missing from its jar). The call's work item is skipped; the engine carries on.
 */
public final class PluginFailure extends RuntimeException {

    private final String pluginId;

    public PluginFailure(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
