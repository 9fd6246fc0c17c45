package dev.retort.runtime;

/** The migration lock could not be taken: another runner kept it too long, or the connection was lost waiting. */
public class LockException extends MigrationException {
    private final String versionTable;
    private final String holder;

    /**
     * @param versionTable the configured version table whose runners the lock serialises, as {@code schema.name}
     * @param holder who held the lock, or null when the connection was lost while waiting
     */
    public LockException(String versionTable, String holder, String message, Throwable cause) {
        super(null, message, cause);
        this.versionTable = versionTable;
        this.holder = holder;
    }

    /** The configured version table whose runners the lock serialises, as {@code schema.name}. */
    public String versionTable() {
        return versionTable;
    }

    /** Who held the lock (backend pid, application, user, client, since when); null when the connection was lost. */
    public String holder() {
        return holder;
    }
}
