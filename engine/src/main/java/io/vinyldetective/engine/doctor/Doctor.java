package io.vinyldetective.engine.doctor;

import io.micronaut.context.env.Environment;
import io.vinyldetective.engine.EngineVersion;
import io.vinyldetective.engine.config.EnvironmentNames;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.pipeline.StartCheckServices;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.storage.Migrations;
import io.vinyldetective.engine.storage.StorageSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code vinyl-detective doctor}: checks the installation in plain words, section by section —
 * configuration, plugins and pipeline, database, and (unless offline) each online service's
 * credentials — printing each finding as it is made. Nothing is written: the pipeline is started
 * without the database and stopped again, the database is opened read-only.
 */
public final class Doctor {

    /** How long each online check may take to connect, and then to answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Environment environment;
    private final PluginHost host;
    private final PipelineSettings pipeline;
    private final EngineHttpGateway http;
    private final Clock clock;
    private final StorageSettings storage;

    public Doctor(Environment environment, PluginHost host, PipelineSettings pipeline, EngineHttpGateway http,
                  Clock clock, StorageSettings storage) {
        this.environment = environment;
        this.host = host;
        this.pipeline = pipeline;
        this.http = http;
        this.clock = clock;
        this.storage = storage;
    }

    /** Runs every check and returns the exit code: 0 when nothing needed is wrong, else 1. */
    public int examine(PrintWriter out, boolean online) {
        DoctorReport report = new DoctorReport(out);
        out.println("Vinyl Detective doctor: version " + EngineVersion.VERSION + ", plugin API " + EngineVersion.API_VERSION);
        PipelineNeeds needs = PipelineNeeds.of(pipeline, host);
        ConfigurationCheck configuration = new ConfigurationCheck(environment, needs, host.pluginsDir(),
                System.getenv("JAVA_OPTS"));
        report.secrets(configuration.secretValues());

        report.section("Configuration (environment, then conf/application.yml)");
        report.addAll(configuration.run());
        if (configuration.missesRequired() && Files.exists(Path.of(EnvironmentNames.SERVICE_ENV_FILE))
                && System.getenv("INVOCATION_ID") == null) {
            report.note("The service reads " + EnvironmentNames.SERVICE_ENV_FILE + "; this shell did not. README,"
                    + " Troubleshooting, shows how to run the doctor with the service's settings.");
        }

        PluginsCheck plugins = new PluginsCheck(host, pipeline,
                new PipelineAssembler(host, new StartCheckServices(environment, http, clock)));
        report.section("Plugins in " + host.pluginsDir());
        report.addAll(plugins.jars());
        report.section("Pipeline");
        plugins.describe().forEach(report::note);
        report.addAll(plugins.pipeline());

        report.section("Database");
        report.addAll(new DatabaseCheck(storage.dataDir(), new Migrations(), System.getProperty("user.name")).run());

        if (online) {
            report.section("Online checks (skip them with --offline)");
            report.addAll(new OnlineCheck(environment, needs,
                    new CredentialChecks(TIMEOUT, "VinylDetective/" + EngineVersion.VERSION + " (doctor)")).run());
        } else {
            report.section("Online checks: skipped (--offline)");
        }
        return report.finish();
    }
}
