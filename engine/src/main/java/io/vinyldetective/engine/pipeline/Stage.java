package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.PipelineExtension;

/**
 * One started extension in the pipeline.
 *
 * @param pluginId  the plugin it comes from
 * @param extension the extension, wrapped by {@link PluginGuard} so its failures stay isolated
 */
public record Stage<T extends PipelineExtension>(String pluginId, T extension) {
}
