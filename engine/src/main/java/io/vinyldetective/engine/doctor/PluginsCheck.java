package io.vinyldetective.engine.doctor;

import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineException;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.plugins.InstalledPlugin;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.plugins.PluginProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin jars (each loaded, or refused and why) and the configured pipeline: every plugin it
 * names installed and starting with its settings, as {@code run} would start it, then stopped again.
 */
public final class PluginsCheck {

    private final PluginHost host;
    private final PipelineSettings pipeline;
    private final PipelineAssembler assembler;

    /** @param assembler an assembler whose services keep the database out ({@link io.vinyldetective.engine.pipeline.StartCheckServices}) */
    PluginsCheck(PluginHost host, PipelineSettings pipeline, PipelineAssembler assembler) {
        this.host = host;
        this.pipeline = pipeline;
        this.assembler = assembler;
    }

    /** One line per jar: loaded (version, extension points), or refused with the reason (a warning: see the pipeline). */
    public List<Check> jars() {
        List<Check> checks = new ArrayList<>();
        List<InstalledPlugin> installed = host.installed();
        List<PluginProblem> problems = host.problems();
        if (installed.isEmpty() && problems.isEmpty()) {
            checks.add(Check.warning(null, "no plugin jars in " + host.pluginsDir(),
                    "Point PLUGINS_DIR at the plugins/ folder of the installation, or leave it unset."));
        }
        for (InstalledPlugin p : installed) {
            checks.add(Check.ok(p.id(), p.version() + (p.extensionPoints().isEmpty() ? ""
                    : ", " + String.join(", ", p.extensionPoints()))));
        }
        for (PluginProblem problem : problems) {
            checks.add(Check.warning(null, "refused: " + problem, null));
        }
        return checks;
    }

    /** What the configuration asks for, then whether it starts (the assembler's message when it does not). */
    public List<Check> pipeline() {
        List<Check> checks = new ArrayList<>();
        if (pipeline.sources().isEmpty()) {
            checks.add(Check.warning(null, "no listing source: no marketplace is searched",
                    "Name one in PIPELINE_SOURCES, e.g. ebay."));
        }
        if (pipeline.oracle().isEmpty()) {
            checks.add(Check.warning(null, "no price oracle: reference prices are not fetched",
                    "Name one in PIPELINE_ORACLE, e.g. discogs."));
        }
        if (pipeline.matchers().isEmpty()) {
            checks.add(Check.warning(null, "no matcher: listings are not matched to releases",
                    "Name them in PIPELINE_MATCHERS, e.g. match-catalog,match-barcode,match-fuzzy."));
        }
        if (pipeline.notifiers().isEmpty()) {
            checks.add(Check.warning(null, "no notifier: deals are not sent anywhere",
                    "Name one in PIPELINE_NOTIFIERS, e.g. telegram."));
        }
        try (Pipeline started = assembler.assemble(pipeline)) {
            checks.add(Check.ok(null, "every plugin of the pipeline starts with its settings"
                    + (started.channels().isEmpty() ? "" : " (chat bot: "
                    + String.join(", ", started.channels().stream().map(s -> s.pluginId()).toList()) + ")")));
        } catch (PipelineException e) {
            checks.add(Check.problem(null, e.getMessage(), null));
        }
        return checks;
    }

    /** The pipeline as configured, one line per slot, for above the checks. */
    public List<String> describe() {
        return List.of("sources    " + names(pipeline.sources(), ", "),
                "oracle     " + (pipeline.oracle().isEmpty() ? "(none)" : pipeline.oracle()),
                "matchers   " + names(pipeline.matchers(), " → "),
                "notifiers  " + names(pipeline.notifiers(), ", "));
    }

    private static String names(List<String> ids, String separator) {
        return ids.isEmpty() ? "(none)" : String.join(separator, ids);
    }
}
