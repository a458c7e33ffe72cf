package io.vinyldetective.engine.doctor;

import io.vinyldetective.api.ChatChannel;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.PipelineExtension;
import io.vinyldetective.engine.config.EnvironmentNames;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.plugins.PluginHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the configured pipeline asks of the configuration: which plugins it names and in which role,
 * which environment variables they cannot start without (from the settings each installed plugin
 * declares required), and whether one of its notifiers is also a chat front end (so who may use the
 * bot matters). Read from the plugins' declarations without starting them.
 */
public final class PipelineNeeds {

    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, Need> needs = new LinkedHashMap<>();
    private boolean chat;

    private PipelineNeeds() {
    }

    public static PipelineNeeds of(PipelineSettings pipeline, PluginHost host) {
        PipelineNeeds needs = new PipelineNeeds();
        pipeline.sources().forEach(id -> needs.roles.putIfAbsent(id, "listing source"));
        if (!pipeline.oracle().isEmpty()) {
            needs.roles.putIfAbsent(pipeline.oracle(), "price oracle");
        }
        pipeline.matchers().forEach(id -> needs.roles.putIfAbsent(id, "matcher"));
        pipeline.notifiers().forEach(id -> needs.roles.putIfAbsent(id, "notifier"));
        for (String pluginId : needs.roles.keySet()) {
            if (!host.isStarted(pluginId)) {
                continue;
            }
            for (ConfigKey key : declaredKeys(host, pluginId)) {
                if (key.required() && key.defaultValue() == null) {
                    String property = "plugins." + pluginId + "." + key.name();
                    needs.needs.computeIfAbsent(EnvironmentNames.of(property),
                            v -> new Need(v, property, key.secret(), key.doc(), new LinkedHashSet<>())).plugins().add(pluginId);
                }
            }
        }
        needs.chat = pipeline.notifiers().stream().anyMatch(id -> host.isStarted(id) && provides(host, id));
        return needs;
    }

    /** The plugins of the pipeline, each with its role ("listing source", "price oracle", "matcher", "notifier"). */
    public Map<String, String> roles() {
        return roles;
    }

    public boolean uses(String pluginId) {
        return roles.containsKey(pluginId);
    }

    /** The plugins of the pipeline that cannot start without this variable, as "telegram (notifier)". */
    public List<String> neededBy(String variable) {
        List<String> who = new ArrayList<>();
        Need need = needs.get(variable);
        if (need != null) {
            need.plugins().forEach(id -> who.add(id + " (" + roles.get(id) + ")"));
        }
        return who;
    }

    /** Every variable some plugin of the pipeline cannot start without. */
    public List<Need> required() {
        return List.copyOf(needs.values());
    }

    /**
     * A setting some plugins of the pipeline cannot start without.
     *
     * @param variable the environment variable that sets it
     * @param property the configuration property
     * @param secret   whether its value must never be shown
     * @param doc      the plugin's description of it
     * @param plugins  the plugin ids that need it
     */
    public record Need(String variable, String property, boolean secret, String doc, Set<String> plugins) {
    }

    /** Whether a notifier of the pipeline is also a chat front end (the bot). */
    public boolean hasChat() {
        return chat;
    }

    private static List<ConfigKey> declaredKeys(PluginHost host, String pluginId) {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        for (Class<? extends PipelineExtension> point : PluginHost.EXTENSION_POINTS) {
            try {
                for (PipelineExtension extension : host.newExtensions(point, pluginId)) {
                    extension.configKeys().forEach(k -> keys.putIfAbsent(k.name(), k));
                }
            } catch (RuntimeException | LinkageError e) {
                // The pipeline check starts the plugin and reports what is wrong with it.
            }
        }
        return List.copyOf(keys.values());
    }

    private static boolean provides(PluginHost host, String pluginId) {
        try {
            return !host.newExtensions(ChatChannel.class, pluginId).isEmpty();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
