package io.vinyldetective.engine.cli;

import io.micronaut.context.env.Environment;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.engine.config.EnvironmentNames;
import io.vinyldetective.engine.doctor.PipelineNeeds;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.logging.SecretMasker;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineException;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.pipeline.StartCheckServices;
import io.vinyldetective.engine.plugins.InstalledPlugin;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.plugins.PluginProblem;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vinyl-detective plugins}: the plugins found (version, state, extension points), the jars
 * refused and why, the pipeline the configuration names, and what it still needs before {@code run}
 * can start it. Works on a fresh, unconfigured installation: settings not yet set are listed, not a
 * failure, and no database is created (the plugins are started as the doctor starts them, without it).
 * Exits 1 only when the pipeline names a plugin that is not installed, or cannot start although
 * everything it requires is set.
 */
@Command(name = "plugins", description = {"List the plugins found, the jars refused, the pipeline the configuration "
        + "names, and the settings it still needs.", "Changes nothing and creates no database."})
public class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    Provider<PluginHost> host;

    @Inject
    Provider<PipelineSettings> settings;

    @Inject
    Provider<EngineHttpGateway> http;

    @Inject
    Provider<Clock> clock;

    @Inject
    Environment environment;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginHost plugins = host.get();
        List<InstalledPlugin> installed = plugins.installed();
        out.printf("Plugins in %s:%n", plugins.pluginsDir());
        if (installed.isEmpty()) {
            out.println("  (none)");
        }
        for (InstalledPlugin p : installed) {
            out.printf("  %-16s %-16s %-8s %-32s %s%n", p.id(), p.version(), p.state().toLowerCase(),
                    String.join(", ", p.extensionPoints()), p.description() == null ? "" : p.description());
        }
        List<PluginProblem> problems = plugins.problems();
        if (!problems.isEmpty()) {
            out.println("Refused:");
            for (PluginProblem problem : problems) {
                out.println("  " + problem);
            }
        }
        PipelineSettings pipeline = settings.get();
        out.println("Pipeline from configuration:");
        out.println("  sources:   " + names(pipeline.sources()));
        List<String> tiers = pipeline.matchers().stream().map(id -> tier(plugins, id)).toList();
        out.println("  matchers:  " + (tiers.isEmpty() ? "(none)" : String.join(" → ", tiers)));
        out.println("  oracle:    " + (pipeline.oracle().isEmpty() ? "(none)" : pipeline.oracle()));
        out.println("  notifiers: " + names(pipeline.notifiers()));
        int code = verdict(out, plugins, pipeline);
        out.flush();
        return code;
    }

    /** Says what the pipeline still lacks, or that it starts; returns the exit code. */
    private int verdict(PrintWriter out, PluginHost plugins, PipelineSettings pipeline) {
        PipelineNeeds needs = PipelineNeeds.of(pipeline, plugins);
        boolean missingPlugin = false;
        for (Map.Entry<String, String> role : needs.roles().entrySet()) {
            if (!plugins.isStarted(role.getKey())) {
                missingPlugin = true;
                out.println("Not available: " + role.getKey() + " (" + role.getValue() + "): " + plugins.problemOf(role.getKey())
                        .map(p -> "its jar " + p.file().getFileName() + " was refused: " + p.reason())
                        .orElse("no such plugin in " + plugins.pluginsDir()));
            }
        }
        List<PipelineNeeds.Need> unset = needs.required().stream().filter(n -> value(n.property()).isEmpty()).toList();
        if (!unset.isEmpty()) {
            out.println("Still needed before `vinyl-detective run` can start it:");
            int width = unset.stream().mapToInt(n -> n.variable().length()).max().orElse(0);
            for (PipelineNeeds.Need need : unset) {
                out.printf("  %-" + width + "s  %s, for %s%n", need.variable(), purpose(need),
                        String.join(" and ", needs.neededBy(need.variable())));
            }
            out.println("Set " + (unset.size() == 1 ? "it" : "them") + " in " + EnvironmentNames.SERVICE_ENV_FILE
                    + " or the environment; `vinyl-detective doctor` then checks the credentials.");
        }
        if (missingPlugin) {
            return 1;
        }
        if (!unset.isEmpty()) {
            return 0;
        }
        PipelineAssembler check = new PipelineAssembler(plugins, new StartCheckServices(environment, http.get(), clock.get()));
        try (Pipeline started = check.assemble(pipeline)) {
            out.println("Every plugin of the pipeline starts with this configuration.");
            return 0;
        } catch (PipelineException e) {
            out.println("Cannot start the pipeline: " + SecretMasker.mask(e.getMessage()));
            return 1;
        }
    }

    /** What a setting holds: the contract's own words for its variable, else the plugin's doc text. */
    private static String purpose(PipelineNeeds.Need need) {
        return EnvironmentNames.forProperty(need.property()).map(EnvironmentNames.Variable::purpose).orElse(need.doc());
    }

    /** A matcher tier as {@code match-fuzzy (fuzzy)}; its method name is read without starting it. */
    private static String tier(PluginHost plugins, String id) {
        try {
            List<MatcherTier> tiers = plugins.isStarted(id) ? plugins.newExtensions(MatcherTier.class, id) : List.of();
            return tiers.isEmpty() ? id : id + " (" + tiers.get(0).method() + ")";
        } catch (RuntimeException | LinkageError e) {
            return id;
        }
    }

    private Optional<String> value(String property) {
        return environment.getProperty(property, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String names(List<String> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }
}
