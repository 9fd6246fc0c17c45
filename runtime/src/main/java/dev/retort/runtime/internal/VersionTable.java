package dev.retort.runtime.internal;

import dev.retort.runtime.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table that records the revisions the database is at: one row per current head, as in
 * Alembic ({@code version_num varchar(32) primary key}). Always named with its schema, so that a
 * schema appearing earlier on the search path never hides it; a table of the same name found in
 * another schema the project could mean (the search path, the configured schemas) is used instead
 * of creating a second.
 */
public final class VersionTable {
    public static final String DEFAULT_NAME = "retort_version";
    public static final String DEFAULT_SCHEMA = "public";

    private final String schema;
    private final String name;
    private final List<String> alsoLookIn;
    private final RunnerDialect dialect;

    private VersionTable(String schema, String name, List<String> alsoLookIn, RunnerDialect dialect) {
        this.schema = schema == null || schema.isBlank() ? DEFAULT_SCHEMA : schema;
        this.name = name == null || name.isBlank() ? DEFAULT_NAME : name;
        this.alsoLookIn = List.copyOf(alsoLookIn);
        this.dialect = dialect;
    }

    /** On PostgreSQL until {@link #locate} finds it on a connection (or {@link #on} says another database). */
    public VersionTable(String schema, String name, List<String> alsoLookIn) {
        this(schema, name, alsoLookIn, PostgresRunner.INSTANCE);
    }

    public VersionTable(String schema, String name) {
        this(schema, name, List.of());
    }

    /** The table in {@code public}. */
    public VersionTable(String name) {
        this(DEFAULT_SCHEMA, name);
    }

    public String name() {
        return name;
    }

    public String schema() {
        return schema;
    }

    RunnerDialect dialect() {
        return dialect;
    }

    /** The same table on another database. */
    VersionTable on(RunnerDialect other) {
        return other == dialect ? this : new VersionTable(schema, name, alsoLookIn, other);
    }

    /** The same table on the database a connection speaks to. */
    VersionTable on(Connection connection) throws SQLException {
        return on(RunnerDialect.of(connection));
    }

    /** The name as SQL: {@code "schema"."name"} (on MariaDB {@code `name`} in the connection's database). */
    public String qualified() {
        return dialect.qualified(schema, name);
    }

    /** This table's name in another schema. */
    VersionTable in(String otherSchema) {
        return new VersionTable(otherSchema, name, alsoLookIn, dialect);
    }

    /**
     * Where the table is: the one existing version table (a table of this name with a
     * {@code version_num} column; an application's own table of the same name is not one) in the
     * configured schema, the connection's search path or the other configured schemas; this table
     * when there is none; an error naming two when there are several. The table returned speaks the
     * connection's database.
     */
    public VersionTable locate(Connection connection) throws SQLException {
        VersionTable here = on(connection);
        List<String> found = here.dialect.versionTableSchemas(connection, name, schema, lookIn());
        if (found.size() > 1) {
            throw new MigrationException("two version tables, "
                    + here.in(found.get(0)).qualified() + " and "
                    + here.in(found.get(1)).qualified()
                    + ": keep the one that records the database's revision and drop the other (with its _history table),"
                    + " or set version.schema to the one to use");
        }
        return found.isEmpty() ? here : here.in(found.get(0));
    }

    /** The schemas to look in besides the search path: the configured one first, then the project's. */
    Set<String> lookIn() {
        Set<String> schemas = new LinkedHashSet<>(List.of(schema));
        schemas.addAll(alsoLookIn);
        return schemas;
    }

    /** The heads the database is at, wherever {@link #locate} finds the table; empty when there is none yet. */
    public Set<String> read(Connection connection) throws SQLException {
        return locate(connection).readHere(connection);
    }

    /** The heads in this very table; empty when it does not exist. */
    public Set<String> readHere(Connection connection) throws SQLException {
        VersionTable here = on(connection);
        Set<String> heads = new TreeSet<>();
        if (!here.exists(connection)) return heads;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM " + here.qualified())) {
            while (rs.next()) heads.add(rs.getString("version_num"));
        }
        return heads;
    }

    boolean exists(Connection connection) throws SQLException {
        return on(connection).dialect.exists(connection, schema, name);
    }

    /** Creates the schema when it is missing (only then, which needs the right to), then the table. */
    public List<String> createSql() {
        return dialect.createVersionTable(this);
    }

    public String insertSql(String revision) {
        return "INSERT INTO " + qualified() + " (version_num) VALUES (" + dialect.literal(revision) + ")";
    }

    public String deleteSql(String revision) {
        return "DELETE FROM " + qualified() + " WHERE version_num = " + dialect.literal(revision);
    }

    public String deleteAllSql() {
        return "DELETE FROM " + qualified();
    }

    /**
     * A statement for scripts: aborts the transaction unless this table holds exactly
     * {@code heads} (none: missing or empty; {@code null}: whatever it holds), or when it is missing
     * and a version table of this name exists where {@link #locate} would find it; so a script
     * applied twice, or to a database it was not written for, stops before its block runs.
     */
    public String expectSql(Set<String> heads) {
        return dialect.expectVersions(this, heads);
    }
}
