package io.vinyldetective.engine.catalog.dump;

/** The dump file cannot be opened or read at all; nothing was imported. The message is one line for the user. */
public class DumpFileException extends Exception {

    public DumpFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
