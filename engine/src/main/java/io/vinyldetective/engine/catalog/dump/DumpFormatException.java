package io.vinyldetective.engine.catalog.dump;

/** The dump cannot be read any further: not XML, truncated or garbled. The message names the place. */
public class DumpFormatException extends Exception {

    public DumpFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
