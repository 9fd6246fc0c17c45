package dev.retort.mariadb;

import dev.retort.RetortException;
import java.sql.SQLException;

/**
 * Reading a MariaDB catalog failed: what Retort was doing, and the server's message and SQL state.
 */
public final class MariaDbCatalogException extends RetortException {
    private final String doing;
    private final String sqlState;

    MariaDbCatalogException(String doing, String message, SQLException cause) {
        super(doing + " failed: " + message, cause);
        this.doing = doing;
        this.sqlState = cause == null ? null : cause.getSQLState();
    }

    static MariaDbCatalogException failed(String doing, SQLException cause) {
        return new MariaDbCatalogException(doing, cause.getMessage(), cause);
    }

    /** What Retort was doing, as in "reading the MariaDB catalog of database shop". */
    public String doing() {
        return doing;
    }

    /** The SQL state; null when the driver gave none. */
    public String sqlState() {
        return sqlState;
    }
}
