package io.vinyldetective.engine.cli;

import io.micronaut.context.env.Environment;
import io.vinyldetective.engine.doctor.Doctor;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.storage.StorageSettings;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vinyl-detective doctor [--offline]}: one line per check with ✓, ! (warning) or ✗ and how to
 * fix it; exits 0 when everything needed is fine, 1 otherwise ({@link Doctor}).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the configuration, plugins, database and credentials; say how to fix each problem.",
                "The credentials are tried with one cheap call per online service the pipeline uses (not with "
                        + "--offline). Exits 0 when everything needed is fine, 1 otherwise."})
public class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--offline", description = "Skip the online checks (no network call).")
    boolean offline;

    @Inject
    Environment environment;

    @Inject
    Provider<PluginHost> host;

    @Inject
    Provider<PipelineSettings> pipeline;

    @Inject
    Provider<EngineHttpGateway> http;

    @Inject
    Provider<Clock> clock;

    @Inject
    Provider<StorageSettings> storage;

    @Override
    public Integer call() {
        return new Doctor(environment, host.get(), pipeline.get(), http.get(), clock.get(), storage.get())
                .examine(spec.commandLine().getOut(), !offline);
    }
}
