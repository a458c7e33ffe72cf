package io.vinyldetective.engine;

import io.micronaut.configuration.picocli.PicocliRunner;
import io.vinyldetective.engine.cli.VinylDetectiveCommand;

/** The launcher's entry point: {@code vinyl-detective <command> [options]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(PicocliRunner.execute(VinylDetectiveCommand.class, args));
    }
}
