package dev.retort.runtime.internal;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;

import dev.retort.postgres.PostgresSql;
import dev.retort.revision.Targets;
import dev.retort.runtime.MigrationException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

    public VersionTable(String schema, String name, List<String> alsoLookIn) {
        this.schema = schema == null || schema.isBlank() ? DEFAULT_SCHEMA : schema;
        this.name = name == null || name.isBlank() ? DEFAULT_NAME : name;
        this.alsoLookIn = List.copyOf(alsoLookIn);
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

    /** The name as SQL: {@code "schema"."name"}. */
    public String qualified() {
        return quote(schema) + "." + quote(name);
    }

    /** This table's name in another schema. */
    VersionTable in(String otherSchema) {
        return new VersionTable(otherSchema, name, alsoLookIn);
    }

    /**
     * Where the table is: the one existing version table (a table of this name with a
     * {@code version_num} column; an application's own table of the same name is not one) in the
     * configured schema, the connection's search path or the other configured schemas; this table
     * when there is none; an error naming two when there are several.
     */
    public VersionTable locate(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        String sql = "SELECT n.nspname " + candidates("?", "?") + " ORDER BY n.nspname = ? DESC, n.nspname";
        Set<String> schemas = lookIn();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", schemas.toArray());
            st.setString(1, name);
            st.setArray(2, array);
            st.setString(3, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) found.add(rs.getString("nspname"));
            }
        }
        if (found.size() > 1) {
            throw new MigrationException("two version tables, "
                    + in(found.get(0)).qualified() + " and " + in(found.get(1)).qualified()
                    + ": keep the one that records the database's revision and drop the other (with its _history table),"
                    + " or set version.schema to the one to use");
        }
        return found.isEmpty() ? this : in(found.get(0));
    }

    /** The schemas to look in besides the search path: the configured one first, then the project's. */
    private Set<String> lookIn() {
        Set<String> schemas = new LinkedHashSet<>(List.of(schema));
        schemas.addAll(alsoLookIn);
        return schemas;
    }

    /**
     * FROM and WHERE of the tables {@link #locate} considers, for a table name and an array of
     * schemas given as SQL (parameters, or literals in a script).
     */
    private static String candidates(String nameSql, String schemasSql) {
        return "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = " + nameSql + " AND c.relkind IN ('r', 'p')"
                + " AND (n.nspname = ANY (" + schemasSql + ") OR n.nspname = ANY (pg_catalog.current_schemas(false)))"
                + " AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'version_num'"
                + " AND NOT a.attisdropped)";
    }

    /** The heads the database is at, wherever {@link #locate} finds the table; empty when there is none yet. */
    public Set<String> read(Connection connection) throws SQLException {
        return locate(connection).readHere(connection);
    }

    /** The heads in this very table; empty when it does not exist. */
    public Set<String> readHere(Connection connection) throws SQLException {
        Set<String> heads = new TreeSet<>();
        if (!exists(connection)) return heads;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM " + qualified())) {
            while (rs.next()) heads.add(rs.getString("version_num"));
        }
        return heads;
    }

    boolean exists(Connection connection) throws SQLException {
        return exists(connection, qualified());
    }

    /** Creates the schema when it is missing (only then, which needs the right to), then the table. */
    public List<String> createSql() {
        String createSchema = "IF pg_catalog.to_regnamespace(" + literal(quote(schema)) + ") IS NULL THEN EXECUTE "
                + literal("CREATE SCHEMA " + quote(schema)) + "; END IF;";
        return List.of(
                "DO " + literal("BEGIN " + createSchema + " END"),
                "CREATE TABLE IF NOT EXISTS " + qualified() + " (version_num varchar(32) NOT NULL, CONSTRAINT "
                        + quote(name + "_pkc") + " PRIMARY KEY (version_num))");
    }

    public String insertSql(String revision) {
        return "INSERT INTO " + qualified() + " (version_num) VALUES (" + literal(revision) + ")";
    }

    public String deleteSql(String revision) {
        return "DELETE FROM " + qualified() + " WHERE version_num = " + literal(revision);
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
        String schemas = "ARRAY["
                + String.join(", ", lookIn().stream().map(PostgresSql::literal).toList()) + "]::text[]";
        List<String> body = new ArrayList<>(List.of(
                "DECLARE at text := ''; elsewhere text;",
                "BEGIN",
                "  IF pg_catalog.to_regclass(" + literal(qualified()) + ") IS NOT NULL THEN",
                "    SELECT coalesce(pg_catalog.string_agg(version_num, ', ' ORDER BY version_num COLLATE \"C\"), '') INTO at FROM "
                        + qualified() + ";",
                "  ELSE",
                "    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), ', ') INTO elsewhere",
                "    " + candidates(literal(name), schemas) + ";",
                "    IF elsewhere IS NOT NULL THEN",
                "      RAISE EXCEPTION 'retort: this script keeps its versions in %, and the database has its version table at %:"
                        + " write the script with version.schema set to that schema', " + literal(qualified())
                        + ", elsewhere;",
                "    END IF;",
                "  END IF;"));
        if (heads != null) {
            String expected = String.join(", ", new TreeSet<>(heads));
            body.add("  IF at <> " + literal(expected) + " THEN");
            body.add("    RAISE EXCEPTION 'retort: the version table % is at %, this block expects %', "
                    + literal(qualified()) + ", CASE WHEN at = '' THEN 'base' ELSE at END, "
                    + literal(expected.isEmpty() ? Targets.BASE : expected) + ";");
            body.add("  END IF;");
        }
        body.add("END");
        return "DO " + literal(String.join("\n", body));
    }

    static boolean exists(Connection connection, String qualifiedTable) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT pg_catalog.to_regclass(?) IS NOT NULL AS present")) {
            st.setString(1, qualifiedTable);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean("present");
            }
        }
    }
}
