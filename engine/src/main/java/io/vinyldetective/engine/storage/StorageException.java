package io.vinyldetective.engine.storage;

/** The database cannot be opened, migrated or written; the message says why, for an operator. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
