package io.vinyldetective.engine;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.vinyldetective.engine.cli.VinylDetectiveCommand;
import io.vinyldetective.engine.logging.SecretMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The launcher's entry point: {@code vinyl-detective <command> [options]}. Exit codes: 0 done,
 * 1 failed (one line on stderr says why, no stack trace), 2 wrong command or option (with usage).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line in a fresh application context and returns the exit code. */
    public static int execute(String... args) {
        try (ApplicationContext context = ApplicationContext.builder(VinylDetectiveCommand.class, Environment.CLI)
                .start()) {
            CommandLine commandLine = new CommandLine(VinylDetectiveCommand.class, new MicronautFactory(context));
            commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
                cl.getErr().println("vinyl-detective: " + SecretMasker.mask(describe(e)));
                LOG.debug("Command failed", e);
                return 1;
            });
            return commandLine.execute(args);
        } catch (RuntimeException e) {
            System.err.println("vinyl-detective: " + SecretMasker.mask(describe(e)));
            LOG.debug("Start-up failed", e);
            return 1;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }
}
