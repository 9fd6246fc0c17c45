package dev.retort.runtime.internal;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.mariadb.MariaDbServer;
import dev.retort.op.Op;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the runner needs of one database, drawn from PostgreSQL and MariaDB side by side: its SQL renderer and
 * quoting, the version and history tables' DDL and catalog queries, the migration lock, the migrations' timeouts
 * and time zone, and whether DDL is transactional. {@link PostgresRunner} is the runner as it always was;
 * {@link MariaDbRunner} commits each statement and records progress per statement.
 */
interface RunnerDialect {
    Dialect dialect();

    /** The server as a message names it: the dialect's database, or MySQL behind MariaDB's dialect. */
    default String server() {
        return dialect().toString();
    }

    /** The renderer of operations, and the quoting of names and literals. */
    SqlDialect sql();

    /** The runner for a database: PostgreSQL's or MariaDB's. */
    static RunnerDialect of(Dialect dialect) {
        return dialect == Dialect.MARIADB ? MariaDbRunner.INSTANCE : PostgresRunner.INSTANCE;
    }

    /**
     * The runner for the database a connection speaks to, whether it came from a URL or a DataSource; a MariaDB URL's
     * server is MariaDB's or MySQL's (8.0.16 and later), any other refused in one line ({@link MariaDbServer}).
     */
    static RunnerDialect of(Connection connection) throws SQLException {
        Dialect dialect = Dialect.ofUrl(connection.getMetaData().getURL());
        if (dialect == Dialect.MARIADB && MariaDbServer.isMySql(connection)) return MariaDbRunner.MYSQL;
        return of(dialect);
    }

    /**
     * Refuses configured schemas this database cannot give a migration (empty or {@code public} alone is the default
     * schema): on MariaDB a URL names its one database.
     */
    default void requireSchemas(List<String> schemas) {}

    /** Whether a migration runs in one transaction; false: every statement commits and progress is recorded per statement. */
    default boolean transactionalDdl() {
        return sql().transactionalDdl();
    }

    default String quote(String identifier) {
        return sql().quote(identifier);
    }

    default String literal(String value) {
        return sql().literal(value);
    }

    /**
     * A rendered statement as it runs on this connection's server, just before it runs (hand-written SQL is never
     * passed): as rendered, but on MySQL, whose {@code ALTER TABLE} has no {@code IF EXISTS}, resolved against the live
     * catalog ({@code MySqlExistence}).
     */
    default String atRunTime(Connection connection, String sql) throws SQLException {
        return sql;
    }

    /** After a statement {@link #atRunTime} gave ran or failed: puts back what it changed of the session. */
    default void afterRunning(Connection connection, String sql) throws SQLException {}

    /**
     * A rendered statement as an offline script writes it, where nothing can be read before it runs: as rendered, but
     * on MySQL ({@code MySqlExistence.script}) its {@code IF EXISTS} clauses built when it runs.
     */
    default List<String> inScript(String sql) {
        return List.of(sql);
    }

    /**
     * A compound statement ({@code BEGIN NOT ATOMIC ... END}) as an offline script for the database's client writes
     * it: between {@code DELIMITER} lines; on MySQL, which runs one only in a stored program, as a procedure made,
     * called and dropped.
     */
    default String scriptBlock(String block) {
        return "DELIMITER $$\n" + block + "$$\nDELIMITER ;\n";
    }

    /** A table of a schema as SQL; the default schema may be left implicit where the database has one per connection. */
    String qualified(String schema, String name);

    /** The schemas holding a version table of this name where {@code locate} looks, the configured one first. */
    List<String> versionTableSchemas(Connection connection, String name, String schema, Set<String> lookIn)
            throws SQLException;

    /** Whether a table exists, given as {@link #qualified}. */
    boolean exists(Connection connection, String schema, String name) throws SQLException;

    List<String> createVersionTable(VersionTable table);

    /** The script's check that the version table holds exactly {@code heads} (null: anything) before a block. */
    String expectVersions(VersionTable table, Set<String> heads);

    String createHistoryTable(HistoryTable table);

    /** SQL for the database user running a statement, followed by {@code @host}. */
    String userAt(String host);

    /** Takes the migration lock, telling {@code waiting} who holds it before waiting. */
    Held lock(Connection connection, VersionTable table, Duration timeout, Consumer<String> waiting)
            throws SQLException;

    /** The statements that set a migration's timeouts where it starts; {@code undoStatement}: clear an earlier one's. */
    List<String> migrationTimeouts(MigrationTimeouts timeouts, boolean undoStatement);

    /** The session settings an autocommit statement runs under, by name, restored after it. */
    Map<String, String> statementTimeouts(MigrationTimeouts timeouts, String sql);

    /** Sets a session setting and returns the value it had. */
    String set(Connection connection, String name, String value) throws SQLException;

    /** A script's statements for a session setting and for putting it back. */
    String scriptSet(String name, String value);

    String scriptReset(String name);

    /** The session setting holding the time zone, and its value for a zone name. */
    String timeZoneSetting();

    String timeZoneValue(String zone);

    /** The statement an offline script starts with to set the time zone. */
    String timeZoneSql(String zone);

    /** The session settings a run changes and puts back when it ends (MariaDB's timeouts have no {@code SET LOCAL}). */
    default List<String> settingsOfARun() {
        return List.of();
    }

    /**
     * The session settings under which the renderer's string literals mean what they say, worked out from the
     * session's own (on MariaDB its {@code sql_mode} without {@code NO_BACKSLASH_ESCAPES}, since the renderer doubles
     * backslashes); none when the session's own do. A run sets them, runs hand-written SQL under the session's own,
     * and puts them back when it ends.
     */
    default Map<String, String> literalSettings(Connection connection) throws SQLException {
        return Map.of();
    }

    /**
     * A script's check that its session reads the renderer's literals as meant, put before the first statement of
     * Retort's whose literals depend on it ({@code sql}); null when {@code sql}'s do not.
     */
    default String literalGuard(String sql) {
        return null;
    }

    /**
     * Refuses, before anything of it runs, a migration direction that the live database would stop halfway or that
     * would lose what it keeps, judged from {@code operations} (those before its first hand-written SQL statement,
     * whose effect cannot be read); nothing on PostgreSQL, whose migration runs in one transaction. On MariaDB: column
     * changes that would drop a check the column keeps itself (any {@code MODIFY COLUMN} drops one), and type changes
     * of a column a foreign key still uses, which MariaDB refuses.
     */
    default void refuseBeforeRunning(Connection connection, String revision, List<Op> operations) throws SQLException {}

    /** The statement that makes the client send a script's text as UTF-8, or null where the client does already. */
    default String scriptEncodingSql() {
        return null;
    }

    /** What an offline script refuses of a migration before writing its first statement: none but MySQL's forms. */
    default void refuseInScript(String revision, List<Op> operations) {}

    /** How a script is applied, for its head. */
    String scriptUsage();

    /** How a script does what an online run does otherwise than by the plain statements, for its head; null for none. */
    default String scriptNote() {
        return null;
    }

    /**
     * The renderer of a statement about to run on {@code connection} that changes columns of {@code table}: by
     * default the offline one ({@link #sql}); on MariaDB one whose {@code MODIFY COLUMN} keeps what the live column
     * has and the migration does not name, read just now.
     */
    default SqlDialect liveSql(Connection connection, QualifiedName table) {
        return sql();
    }

    /**
     * The renderer of a script's statement that changes columns: by default the offline one ({@link #sql}); on
     * MariaDB one whose {@code MODIFY COLUMN} reads, when the script runs, what {@link #liveSql} reads before.
     */
    default SqlDialect scriptSql() {
        return sql();
    }

    /** The statement that makes unqualified names resolve to the default schema; null for none. */
    String searchPathSql(String defaultSchema);

    /**
     * The schemas as this database's catalog reader reads them, without the tables {@code leftOut}, for the stairway:
     * on MariaDB the connection's database, read by {@code MariaDbIntrospector} through jOOQ-meta, which is loaded
     * only here, so that an application that never walks the stairway does not need it.
     */
    Schema catalog(Connection connection, List<String> schemas, Set<QualifiedName> leftOut) throws SQLException;

    /** Whether a failure is a lock wait's timeout, and whether it is a statement's. */
    boolean lockTimedOut(SQLException e);

    boolean statementTimedOut(SQLException e);

    /** A held migration lock. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
