package dev.retort.postgres;

import dev.retort.RetortException;
import dev.retort.schema.QualifiedName;
import java.sql.SQLException;

/**
 * Reading the database, or having PostgreSQL print an expression back, failed: what Retort was
 * doing, the table it was about (when one), and the server's message and SQL state.
 */
public final class CatalogException extends RetortException {
    private final String doing;
    private final QualifiedName table;
    private final String serverMessage;
    private final String sqlState;

    CatalogException(String message, String doing, QualifiedName table, SQLException cause) {
        super(message, cause);
        this.doing = doing;
        this.table = table;
        this.serverMessage = cause.getMessage();
        this.sqlState = cause.getSQLState();
    }

    /** A failure of what Retort was doing, as in "reading the catalog of schemas [public]". */
    static CatalogException failed(String doing, SQLException cause) {
        return new CatalogException(doing + " failed: " + cause.getMessage(), doing, null, cause);
    }

    /** What Retort was doing. */
    public String doing() {
        return doing;
    }

    /** The table the failure is about; null when it is about none. */
    public QualifiedName table() {
        return table;
    }

    /** What the server (or the driver) said. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The SQL state, such as {@code 42501} for a missing privilege; null when the driver gave none. */
    public String sqlState() {
        return sqlState;
    }
}
