package dev.retort.runtime.internal;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.postgres.PostgresIntrospector;
import dev.retort.postgres.PostgresSql;
import dev.retort.postgres.SchemaScope;
import dev.retort.revision.Targets;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The runner on PostgreSQL: transactional DDL, one transaction per migration, {@code SET LOCAL} timeouts, the
 * advisory lock ({@link MigrationLock}), the version table found through {@code pg_catalog}.
 */
final class PostgresRunner implements RunnerDialect {
    static final PostgresRunner INSTANCE = new PostgresRunner();

    private PostgresRunner() {}

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public SqlDialect sql() {
        return PostgresSql.DIALECT;
    }

    @Override
    public String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    @Override
    public List<String> versionTableSchemas(Connection connection, String name, String schema, Set<String> lookIn)
            throws SQLException {
        List<String> found = new ArrayList<>();
        String sql = "SELECT n.nspname " + candidates("?", "?") + " ORDER BY n.nspname = ? DESC, n.nspname";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", lookIn.toArray());
            st.setString(1, name);
            st.setArray(2, array);
            st.setString(3, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) found.add(rs.getString("nspname"));
            }
        }
        return found;
    }

    /**
     * FROM and WHERE of the tables {@code locate} considers, for a table name and an array of
     * schemas given as SQL (parameters, or literals in a script).
     */
    private static String candidates(String nameSql, String schemasSql) {
        return "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = " + nameSql + " AND c.relkind IN ('r', 'p')"
                + " AND (n.nspname = ANY (" + schemasSql + ") OR n.nspname = ANY (pg_catalog.current_schemas(false)))"
                + " AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'version_num'"
                + " AND NOT a.attisdropped)";
    }

    @Override
    public boolean exists(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT pg_catalog.to_regclass(?) IS NOT NULL AS present")) {
            st.setString(1, qualified(schema, name));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean("present");
            }
        }
    }

    /** Creates the schema when it is missing (only then, which needs the right to), then the table. */
    @Override
    public List<String> createVersionTable(VersionTable table) {
        String schema = table.schema();
        String createSchema = "IF pg_catalog.to_regnamespace(" + literal(quote(schema)) + ") IS NULL THEN EXECUTE "
                + literal("CREATE SCHEMA " + quote(schema)) + "; END IF;";
        return List.of(
                "DO " + literal("BEGIN " + createSchema + " END"),
                "CREATE TABLE IF NOT EXISTS " + table.qualified() + " (version_num varchar(32) NOT NULL, CONSTRAINT "
                        + quote(table.name() + "_pkc") + " PRIMARY KEY (version_num))");
    }

    /**
     * Aborts the transaction unless the table holds exactly {@code heads} (none: missing or empty;
     * {@code null}: whatever it holds), or when it is missing and a version table of this name exists where
     * {@code locate} would find it.
     */
    @Override
    public String expectVersions(VersionTable table, Set<String> heads) {
        String qualified = table.qualified();
        String schemas = "ARRAY["
                + String.join(
                        ", ", table.lookIn().stream().map(PostgresSql::literal).toList()) + "]::text[]";
        List<String> body = new ArrayList<>(List.of(
                "DECLARE at text := ''; elsewhere text;",
                "BEGIN",
                "  IF pg_catalog.to_regclass(" + literal(qualified) + ") IS NOT NULL THEN",
                "    SELECT coalesce(pg_catalog.string_agg(version_num, ', ' ORDER BY version_num COLLATE \"C\"), '') INTO at FROM "
                        + qualified + ";",
                "  ELSE",
                "    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), ', ') INTO elsewhere",
                "    " + candidates(literal(table.name()), schemas) + ";",
                "    IF elsewhere IS NOT NULL THEN",
                "      RAISE EXCEPTION 'retort: this script keeps its versions in %, and the database has its version table at %:"
                        + " write the script with version.schema set to that schema', " + literal(qualified)
                        + ", elsewhere;",
                "    END IF;",
                "  END IF;"));
        if (heads != null) {
            String expected = String.join(", ", new TreeSet<>(heads));
            body.add("  IF at <> " + literal(expected) + " THEN");
            body.add("    RAISE EXCEPTION 'retort: the version table % is at %, this block expects %', "
                    + literal(qualified) + ", CASE WHEN at = '' THEN 'base' ELSE at END, "
                    + literal(expected.isEmpty() ? Targets.BASE : expected) + ";");
            body.add("  END IF;");
        }
        body.add("END");
        return "DO " + literal(String.join("\n", body));
    }

    @Override
    public String createHistoryTable(HistoryTable table) {
        return "CREATE TABLE IF NOT EXISTS " + table.qualified() + " ("
                + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "revision varchar(32) NOT NULL, "
                + "direction varchar(10) NOT NULL, "
                + "checksum varchar(64), "
                + "message text, "
                + "applied_at timestamptz NOT NULL DEFAULT now(), "
                + "applied_by text NOT NULL, "
                + "duration_ms bigint NOT NULL, "
                + "retort_version text)";
    }

    @Override
    public String userAt(String host) {
        return "current_user || " + literal("@" + host);
    }

    @Override
    public Held lock(Connection connection, VersionTable table, Duration timeout, Consumer<String> waiting)
            throws SQLException {
        return MigrationLock.acquire(connection, table, timeout, waiting);
    }

    @Override
    public List<String> migrationTimeouts(MigrationTimeouts timeouts, boolean undoStatement) {
        return timeouts.local(undoStatement);
    }

    @Override
    public Map<String, String> statementTimeouts(MigrationTimeouts timeouts, String sql) {
        return timeouts.session(sql);
    }

    @Override
    public String set(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT pg_catalog.current_setting(?) AS previous, pg_catalog.set_config(?, ?, false)")) {
            st.setString(1, name);
            st.setString(2, name);
            st.setString(3, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString("previous");
            }
        }
    }

    @Override
    public String scriptSet(String name, String value) {
        return "SET " + name + " = " + literal(value);
    }

    @Override
    public String scriptReset(String name) {
        return "RESET " + name;
    }

    @Override
    public String timeZoneSetting() {
        return "TimeZone";
    }

    @Override
    public String timeZoneValue(String zone) {
        return zone;
    }

    @Override
    public String timeZoneSql(String zone) {
        return "SET TIME ZONE " + literal(zone);
    }

    @Override
    public String scriptUsage() {
        return "Apply with psql -v ON_ERROR_STOP=1: each block first checks that the version table is where the block expects,"
                + " and aborts the script otherwise";
    }

    @Override
    public String searchPathSql(String defaultSchema) {
        return "SET search_path TO " + quote(defaultSchema) + ", public";
    }

    @Override
    public boolean lockTimedOut(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    /** {@code statement_timeout}, or a cancel request. */
    @Override
    public boolean statementTimedOut(SQLException e) {
        return "57014".equals(e.getSQLState());
    }

    @Override
    public Schema catalog(Connection connection, List<String> schemas, Set<QualifiedName> leftOut) throws SQLException {
        return PostgresIntrospector.read(connection, new SchemaScope(schemas, leftOut));
    }
}
