package io.vinyldetective.engine.cli;

import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineException;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.plugins.InstalledPlugin;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.plugins.PluginProblem;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vinyl-detective plugins}: the plugins found (version, state, extension points), the jars
 * refused and why, and the pipeline the configuration assembles from them.
 */
@Command(name = "plugins", description = "List the plugins found, the jars refused, and the pipeline the configuration assembles.")
public class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    Provider<PluginHost> host;

    @Inject
    Provider<PipelineAssembler> assembler;

    @Inject
    Provider<PipelineSettings> settings;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<InstalledPlugin> installed = host.get().installed();
        out.printf("Plugins in %s:%n", host.get().pluginsDir());
        if (installed.isEmpty()) {
            out.println("  (none)");
        }
        for (InstalledPlugin p : installed) {
            out.printf("  %-16s %-16s %-8s %-32s %s%n", p.id(), p.version(), p.state().toLowerCase(),
                    String.join(", ", p.extensionPoints()), p.description() == null ? "" : p.description());
        }
        List<PluginProblem> problems = host.get().problems();
        if (!problems.isEmpty()) {
            out.println("Refused:");
            for (PluginProblem problem : problems) {
                out.println("  " + problem);
            }
        }
        out.println("Pipeline from configuration:");
        try (Pipeline pipeline = assembler.get().assemble(settings.get())) {
            out.println("  sources:   " + names(pipeline.sources().stream().map(s -> s.pluginId()).toList()));
            out.println("  matchers:  " + names(pipeline.matchers().stream()
                    .map(s -> s.pluginId() + " (" + s.extension().method() + ")").toList()).replace(", ", " → "));
            out.println("  oracle:    " + pipeline.oracle().map(s -> s.pluginId()).orElse("(none)"));
            out.println("  notifiers: " + names(pipeline.notifiers().stream().map(s -> s.pluginId()).toList()));
            out.flush();
            return 0;
        } catch (PipelineException e) {
            out.flush();
            spec.commandLine().getErr().println("Cannot assemble the pipeline: " + e.getMessage());
            return 1;
        }
    }

    private static String names(List<String> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }
}
