package dev.retort.runtime.internal;

import dev.retort.runtime.MigrationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The version and history tables one command works on, and whether they exist yet. */
record Tables(VersionTable versions, boolean exist) {
    HistoryTable history() {
        return new HistoryTable(versions);
    }

    /**
     * Creates the missing version and history tables; a failure other than a lost connection (a
     * role without CREATE on the schema) says that this is what failed.
     */
    void create(Sink sink) throws SQLException {
        List<String> statements = new ArrayList<>(versions.createSql());
        statements.add(history().createSql());
        try {
            sink.executeAll(statements);
        } catch (SQLException e) {
            if (Failures.connectionLost(e) || e.getMessage() == null) throw e;
            String reason = e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
            throw new MigrationException("creating the version table " + versions.qualified() + ": " + reason, e);
        }
    }
}
