package io.vinyldetective.engine.cli;

import picocli.CommandLine.Command;

/** The top-level command: prints usage; the work is in the subcommands. */
@Command(name = "vinyl-detective",
        description = "Finds underpriced records: marketplace listings matched to catalog releases, alerts to subscribers.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {DemoCommand.class, RunCommand.class, DoctorCommand.class, PluginsCommand.class,
                ImportDumpCommand.class, MatchCommand.class})
public class VinylDetectiveCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
