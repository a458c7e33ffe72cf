package io.vinyldetective.engine.storage;

/** The database cannot be opened, migrated or written; the message says why, for an operator. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether SQLite failed because the disk (or the database's page limit) is full ({@code SQLITE_FULL}). */
    public static boolean isDiskFull(java.sql.SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLITE_FULL;
    }

    /** SQLite's primary result code for a full disk. */
    private static final int SQLITE_FULL = 13;
}
