package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PipelineExtension;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.engine.catalog.ScopedCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled pipeline: started extensions from the configured plugins, in order.
 * {@link #close()} stops every extension (in reverse order), each failure logged, none fatal.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<Stage<ListingSource>> sources;
    private final Stage<PriceOracle> oracle;
    private final List<Stage<MatcherTier>> matchers;
    private final List<Stage<Notifier>> notifiers;
    private final List<Stage<ChatChannel>> channels;
    private final ScopedCatalog matcherCatalog;

    Pipeline(List<Stage<ListingSource>> sources, Stage<PriceOracle> oracle, List<Stage<MatcherTier>> matchers,
             List<Stage<Notifier>> notifiers, List<Stage<ChatChannel>> channels, ScopedCatalog matcherCatalog) {
        this.sources = List.copyOf(sources);
        this.oracle = oracle;
        this.matchers = List.copyOf(matchers);
        this.notifiers = List.copyOf(notifiers);
        this.channels = List.copyOf(channels);
        this.matcherCatalog = matcherCatalog;
    }

    /** The catalog the matcher tiers were started with; the watches narrow it to a scope per batch. */
    public ScopedCatalog matcherCatalog() {
        return matcherCatalog;
    }

    public List<Stage<ListingSource>> sources() {
        return sources;
    }

    public Optional<Stage<PriceOracle>> oracle() {
        return Optional.ofNullable(oracle);
    }

    public List<Stage<MatcherTier>> matchers() {
        return matchers;
    }

    public List<Stage<Notifier>> notifiers() {
        return notifiers;
    }

    /** The notifiers by plugin id, in configured order: what the alert outbox delivers through. */
    public Map<String, Notifier> notifiersById() {
        Map<String, Notifier> byId = new LinkedHashMap<>();
        notifiers.forEach(stage -> byId.put(stage.pluginId(), stage.extension()));
        return byId;
    }

    /**
     * The notifier that delivers to the chat itself (the recipient is the chat id): the first
     * configured notifier that takes no addresses from chats, e.g. {@code telegram} or {@code console}.
     * Empty when every notifier delivers only to addresses chats add.
     */
    public Optional<Stage<Notifier>> chatNotifier() {
        return notifiers.stream().filter(stage -> !takesChatAddresses(stage)).findFirst();
    }

    /** The notifiers subscribers can add addresses of with {@code /notify}, by plugin id, in configured order. */
    public Map<String, Notifier> addressableNotifiers() {
        Map<String, Notifier> byId = new LinkedHashMap<>();
        notifiers.stream().filter(Pipeline::takesChatAddresses).forEach(stage -> byId.put(stage.pluginId(), stage.extension()));
        return byId;
    }

    private static boolean takesChatAddresses(Stage<Notifier> stage) {
        try {
            return stage.extension().chatAddressHint().isPresent();
        } catch (RuntimeException e) {
            LOG.warn("Plugin '{}' cannot say whether it takes addresses from chats: {}", stage.pluginId(), e.toString());
            return false;
        }
    }

    /** The chat front ends: notifier plugins that also provide a {@link ChatChannel}, started but not yet opened. */
    public List<Stage<ChatChannel>> channels() {
        return channels;
    }

    /** One line for the log: {@code sources=[ebay] oracle=discogs matchers=[...] notifiers=[telegram]}. */
    public String describe() {
        return "sources=" + ids(sources) + " oracle=" + (oracle == null ? "none" : oracle.pluginId())
                + " matchers=" + matchers.stream().map(s -> s.pluginId() + "(" + s.extension().method() + ")")
                .collect(Collectors.joining(" → ", "[", "]"))
                + " notifiers=" + ids(notifiers) + (channels.isEmpty() ? "" : " channels=" + ids(channels));
    }

    private static String ids(List<? extends Stage<?>> stages) {
        return stages.stream().map(Stage::pluginId).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void close() {
        List<Stage<? extends PipelineExtension>> all = new ArrayList<>();
        all.addAll(sources);
        all.addAll(matchers);
        if (oracle != null) {
            all.add(oracle);
        }
        all.addAll(notifiers);
        all.addAll(channels);
        for (int i = all.size() - 1; i >= 0; i--) {
            Stage<? extends PipelineExtension> stage = all.get(i);
            try {
                stage.extension().stop();
            } catch (RuntimeException e) {
                LOG.warn("Plugin '{}' failed to stop: {}", stage.pluginId(), e.toString());
            }
        }
    }
}
