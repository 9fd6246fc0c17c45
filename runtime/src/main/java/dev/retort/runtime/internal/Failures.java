package dev.retort.runtime.internal;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;

/** How the runner words a failed statement, telling a lost connection apart from an error the server reported. */
final class Failures {
    private Failures() {}

    /**
     * Whether the connection is gone: a connection exception (SQL state class 08), the server
     * terminating the session (57P01 administrator command, 57P02 crash, 57P03 starting or
     * shutting down), or the socket closed under the driver.
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))
                    return true;
            }
            if (t instanceof SocketException || t instanceof EOFException) return true;
        }
        return false;
    }

    /**
     * The server's message; for a lost connection also that the server rolled back the open
     * transaction and, when given, what stays committed.
     */
    static String describe(SQLException e, String committed) {
        String message = oneLine(e.getMessage());
        if (!connectionLost(e)) return message;
        return "the connection to the database was lost (" + message + "); the server rolled back the open transaction"
                + (committed.isEmpty() ? "" : ", " + committed);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
