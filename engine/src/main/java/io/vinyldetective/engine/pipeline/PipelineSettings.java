package io.vinyldetective.engine.pipeline;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Which plugins make up the pipeline, from {@code pipeline.*} in the configuration.
 *
 * @param sources   plugin ids of the listing sources
 * @param oracle    plugin id of the price oracle, or empty for none
 * @param matchers  plugin ids of the matcher tiers, in the order they are tried
 * @param notifiers plugin ids of the notifiers
 */
@ConfigurationProperties(PipelineSettings.PREFIX)
public record PipelineSettings(
        @Bindable(defaultValue = "") List<String> sources,
        @Bindable(defaultValue = "") String oracle,
        @Bindable(defaultValue = "") List<String> matchers,
        @Bindable(defaultValue = "") List<String> notifiers) {

    public static final String PREFIX = "pipeline";

    public PipelineSettings {
        sources = clean(sources);
        matchers = clean(matchers);
        notifiers = clean(notifiers);
        oracle = oracle == null ? "" : oracle.strip();
    }

    private static List<String> clean(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
