package dev.retort.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the runner sends its statements: a live connection, or an offline SQL script. Both receive
 * exactly the same calls, so a script applied with {@code psql} does what the online run does.
 */
interface Sink {
    void begin() throws SQLException;

    void commit() throws SQLException;

    /** Undoes the open transaction after a failure; nothing to undo in a script. */
    void rollback() throws SQLException;

    /** A statement of Retort's: rendered operations and its own bookkeeping. */
    void execute(String sql) throws SQLException;

    /**
     * A statement of the migration's own SQL ({@code op.execute}), run under the session's settings as the
     * application has them, not those Retort's literals need ({@link RunnerDialect#literalSettings}).
     */
    default void executeAsWritten(String sql) throws SQLException {
        execute(sql);
    }

    /** Runs statements in order; online in one round trip (for bookkeeping, whose failure needs no statement number). */
    default void executeAll(List<String> statements) throws SQLException {
        for (String sql : statements) execute(sql);
    }

    /**
     * Runs a statement outside any transaction (the caller has committed first), with the given session
     * settings (name to value) in force for it alone.
     */
    void executeOutsideTransaction(String sql, Map<String, String> settings) throws SQLException;

    /** A line a person reads in a script; nothing online. */
    void note(String text);

    /**
     * A check only a script runs, such as that the version table is where the next block expects
     * it; online the runner has read the table itself, under its lock.
     */
    void guard(String sql);

    /** Where the statements run from, for the history's {@code applied_by}. */
    String origin();

    /** The connection the statements run on; none for an offline script. */
    default Optional<Connection> connection() {
        return Optional.empty();
    }

    /** Runs statements on a connection, in autocommit outside {@link #begin()}/{@link #commit()}. */
    final class Jdbc implements Sink {
        private final Connection connection;
        private final RunnerDialect dialect;
        private final Map<String, String> asWritten;

        Jdbc(Connection connection, RunnerDialect dialect) {
            this(connection, dialect, Map.of());
        }

        /**
         * @param asWritten the session's own values of the settings the run changed for Retort's literals, under
         *     which the migration's own SQL runs
         */
        Jdbc(Connection connection, RunnerDialect dialect, Map<String, String> asWritten) {
            this.connection = connection;
            this.dialect = dialect;
            this.asWritten = new LinkedHashMap<>(asWritten);
        }

        @Override
        public void begin() throws SQLException {
            connection.setAutoCommit(false);
        }

        @Override
        public void commit() throws SQLException {
            connection.commit();
            connection.setAutoCommit(true);
        }

        @Override
        public void rollback() throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        @Override
        public void execute(String sql) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }

        /**
         * Under the session's own settings; what the statement leaves them at (it may set them itself) is the
         * session's own from then on, and Retort's are set again from it.
         */
        @Override
        public void executeAsWritten(String sql) throws SQLException {
            if (asWritten.isEmpty()) {
                execute(sql);
                return;
            }
            for (Map.Entry<String, String> setting : asWritten.entrySet())
                dialect.set(connection, setting.getKey(), setting.getValue());
            try {
                execute(sql);
            } catch (SQLException e) {
                // the statement's failure is the one to report; a connection that went with it cannot be set back
                try {
                    retortsAgain();
                } catch (SQLException lost) {
                    e.addSuppressed(lost);
                }
                throw e;
            }
            retortsAgain();
        }

        /** Retort's literal settings set again from the session's own, which a statement as written may have changed. */
        private void retortsAgain() throws SQLException {
            Map<String, String> retorts = dialect.literalSettings(connection);
            for (Map.Entry<String, String> setting : asWritten.entrySet()) {
                String value = retorts.get(setting.getKey());
                if (value != null) setting.setValue(dialect.set(connection, setting.getKey(), value));
            }
        }

        @Override
        public void executeAll(List<String> statements) throws SQLException {
            // MariaDB's driver runs one statement a call (allowMultiQueries is off)
            if (!dialect.transactionalDdl()) Sink.super.executeAll(statements);
            else if (!statements.isEmpty()) execute(String.join(";\n", statements));
        }

        @Override
        public void executeOutsideTransaction(String sql, Map<String, String> settings) throws SQLException {
            connection.setAutoCommit(true);
            Map<String, String> previous = new LinkedHashMap<>();
            for (Map.Entry<String, String> setting : settings.entrySet())
                previous.put(setting.getKey(), config(setting.getKey(), setting.getValue()));
            try {
                execute(sql);
            } catch (SQLException e) {
                // the statement's failure is the one to report; a connection that went with it cannot be restored
                try {
                    restore(previous);
                } catch (SQLException lost) {
                    e.addSuppressed(lost);
                }
                throw e;
            }
            restore(previous);
        }

        /** Puts session settings back, so that a pooled connection goes back with its own. */
        private void restore(Map<String, String> previous) throws SQLException {
            for (Map.Entry<String, String> setting : previous.entrySet()) config(setting.getKey(), setting.getValue());
        }

        /** Sets a session setting and returns the value it had. */
        private String config(String name, String value) throws SQLException {
            return dialect.set(connection, name, value);
        }

        @Override
        public Optional<Connection> connection() {
            return Optional.of(connection);
        }

        @Override
        public void note(String text) {}

        @Override
        public void guard(String sql) {}

        /** The runner's host name, for the history's {@code applied_by}. */
        @Override
        public String origin() {
            String fromEnvironment = System.getenv("HOSTNAME");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) return fromEnvironment;
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown host";
            }
        }
    }

    /**
     * Writes a script for {@code psql} (or the {@code mariadb} client): explicit BEGIN/COMMIT, one statement per
     * line group, notes as comments.
     */
    final class OfflineScript implements Sink {
        private final StringBuilder text = new StringBuilder();
        private final RunnerDialect dialect;
        private boolean literalsGuarded;

        OfflineScript(RunnerDialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public void begin() {
            text.append("BEGIN;\n");
        }

        @Override
        public void commit() {
            text.append("COMMIT;\n");
        }

        @Override
        public void rollback() {}

        /** A statement of Retort's; before the first whose literals depend on the session's settings, the check. */
        @Override
        public void execute(String sql) {
            String literalGuard = literalsGuarded ? null : dialect.literalGuard(sql);
            if (literalGuard != null) {
                literalsGuarded = true;
                guard(literalGuard);
            }
            executeAsWritten(sql);
        }

        /** A statement; on MariaDB a compound one (an online validation) between {@code DELIMITER} lines, as a guard. */
        @Override
        public void executeAsWritten(String sql) {
            if (!dialect.transactionalDdl() && sql.startsWith("BEGIN NOT ATOMIC")) guard(sql);
            else text.append(sql).append(";\n");
        }

        @Override
        public void executeOutsideTransaction(String sql, Map<String, String> settings) {
            text.append("-- outside a transaction\n");
            settings.forEach((name, value) -> execute(dialect.scriptSet(name, value)));
            execute(sql);
            settings.keySet().forEach(name -> execute(dialect.scriptReset(name)));
        }

        @Override
        public void note(String line) {
            text.append('\n');
            comment(line);
        }

        /** A comment line right below the previous one. */
        void comment(String line) {
            text.append("-- ").append(dialect.sql().comment(line)).append('\n');
        }

        /** A guard; on MariaDB a compound statement, as the client runs one ({@link RunnerDialect#scriptBlock}). */
        @Override
        public void guard(String sql) {
            if (dialect.transactionalDdl()) execute(sql);
            else text.append(dialect.scriptBlock(sql));
        }

        @Override
        public String origin() {
            return "offline script";
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
