package dev.retort.mariadb;

import dev.retort.RetortException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL has no {@code IF EXISTS} on {@code DROP INDEX}, nor on an {@code ALTER TABLE}'s {@code DROP INDEX} or {@code DROP
 * CONSTRAINT}, which
 * MariaDB's renderer writes where the object may be gone already (the index InnoDB made for a foreign key, a check its
 * column's change took): just before such a statement runs on MySQL, each such clause is resolved against the live
 * catalog, kept without {@code IF EXISTS} when the object is there and left out when it is not. The rendered SQL, and
 * so the checksum, stays the dialect's. Any other {@code IF [NOT] EXISTS} clause in an {@code ALTER TABLE} is refused
 * in one line, since MySQL has no form of it. The runner passes each rendered statement (never hand-written SQL, {@code
 * op.execute}) through it on MySQL ({@link #resolve}); a MySQL script, which cannot look before it runs, builds each
 * such statement when it runs ({@link #script}). Either puts a {@code DEFAULT} function call in parentheses first
 * ({@link MySqlDefaults}).
 */
public final class MySqlExistence {
    private static final String NAME = "`(?:[^`]|``)*`";

    private static final Pattern ALTER = Pattern.compile("^ALTER TABLE (?:(" + NAME + ")\\.)?(" + NAME + ") ");

    private static final Pattern CLAUSE =
            Pattern.compile("(^|, )DROP (INDEX|CONSTRAINT) IF EXISTS (" + NAME + ")(?=,|$)");

    /** MariaDB's {@code DROP INDEX IF EXISTS name ON table}, as the renderer writes an index drop of that option. */
    private static final Pattern DROP_INDEX =
            Pattern.compile("^DROP INDEX IF EXISTS (" + NAME + ") ON (?:(" + NAME + ")\\.)?(" + NAME + ")");

    private static final Pattern CREATE_INDEX =
            Pattern.compile("^CREATE (UNIQUE |FULLTEXT |SPATIAL )?INDEX IF NOT EXISTS ");

    private static final Pattern OTHER = Pattern.compile("\\bIF (NOT )?EXISTS\\b");

    /** MariaDB's form of a statement run without the foreign key checks, which MySQL has no form of. */
    public static final Pattern WITHOUT_KEY_CHECKS = Pattern.compile("^SET STATEMENT foreign_key_checks=0 FOR ");

    /** What MySQL does for a statement that is left with nothing to do. */
    public static final String NOTHING = "DO 0";

    private MySqlExistence() {}

    /** The statement as MySQL runs it: each {@code DROP ... IF EXISTS} clause kept plain or left out. */
    public static String resolve(Connection connection, String sql) throws SQLException {
        Statement statement = Statement.of(MySqlDefaults.statement(withKeyChecks(sql)));
        StringBuilder kept = new StringBuilder();
        for (Part part : statement.parts()) {
            if (part.kind() != null
                    && !exists(connection, part.kind(), statement.schema(), statement.table(), unquote(part.name())))
                continue;
            if (!kept.isEmpty()) kept.append(", ");
            kept.append(part.text());
        }
        if (statement.parts().isEmpty()) return statement.head();
        return kept.isEmpty() ? NOTHING : statement.head() + kept;
    }

    /**
     * The statement as a MySQL script runs it, where nothing can be looked up before it runs: unchanged when it has no
     * {@code IF EXISTS} clause, else built when it runs from what the catalog holds then ({@code PREPARE} of a text that
     * leaves out each clause whose object is not there) and run; a statement MariaDB runs without the foreign key
     * checks runs between two {@code SET foreign_key_checks}. Refuses what {@link #resolve} refuses, and MariaDB's
     * {@code BEGIN NOT ATOMIC} blocks, which MySQL runs only inside a stored program.
     */
    public static List<String> script(String sql) {
        if (sql.startsWith("BEGIN NOT ATOMIC"))
            throw new RetortException("MySQL has no BEGIN NOT ATOMIC block, which a statement of this script needs:"
                    + " run the migration on the database itself (not --sql), where Retort reads what the block would");
        String statement = withKeyChecks(sql);
        List<String> lines = new ArrayList<>();
        boolean withoutKeyChecks = !statement.equals(sql);
        statement = MySqlDefaults.statement(statement);
        if (withoutKeyChecks) {
            lines.add("SET @retort_key_checks = @@foreign_key_checks");
            lines.add("SET foreign_key_checks = 0");
        }
        Statement parsed = Statement.of(statement);
        if (parsed.parts().stream().allMatch(part -> part.kind() == null)) lines.add(statement);
        else {
            List<String> texts = new ArrayList<>();
            for (Part part : parsed.parts())
                texts.add(
                        part.kind() == null
                                ? MariaDbSql.text(part.text())
                                : "IF(" + existsSql(part.kind(), parsed.schema(), parsed.table(), unquote(part.name()))
                                        + ", " + MariaDbSql.text(part.text()) + ", NULL)");
            String built = "CONCAT_WS(', ', " + String.join(", ", texts) + ")";
            lines.add("SET @retort_statement = " + built);
            lines.add("SET @retort_statement = IF(@retort_statement = '', " + MariaDbSql.text(NOTHING) + ", CONCAT("
                    + MariaDbSql.text(parsed.head()) + ", @retort_statement))");
            lines.add("PREPARE retort_statement FROM @retort_statement");
            lines.add("EXECUTE retort_statement");
            lines.add("DEALLOCATE PREPARE retort_statement");
        }
        if (withoutKeyChecks) lines.add("SET foreign_key_checks = @retort_key_checks");
        return lines;
    }

    /** The statement without MariaDB's {@code SET STATEMENT foreign_key_checks=0 FOR} prefix. */
    private static String withKeyChecks(String sql) {
        Matcher without = WITHOUT_KEY_CHECKS.matcher(sql);
        return without.find() ? sql.substring(without.end()) : sql;
    }

    /** One clause of a statement: unconditional ({@code kind} null) or a drop of the index or constraint named. */
    private record Part(String text, String kind, String name) {}

    /**
     * A statement split for MySQL: its head ({@code ALTER TABLE t }, or {@code DROP INDEX}) and its clauses, or the
     * whole statement as the head when it has no clause to look up.
     */
    private record Statement(String head, String schema, String table, List<Part> parts) {
        static Statement of(String sql) {
            Matcher dropIndex = DROP_INDEX.matcher(sql);
            if (dropIndex.find()) {
                String rest = sql.substring("DROP INDEX IF EXISTS ".length());
                return new Statement(
                        "",
                        dropIndex.group(2) == null ? null : unquote(dropIndex.group(2)),
                        unquote(dropIndex.group(3)),
                        List.of(new Part("DROP INDEX " + rest, "INDEX", dropIndex.group(1))));
            }
            if (CREATE_INDEX.matcher(sql).find())
                throw new RetortException("MySQL has no CREATE INDEX IF NOT EXISTS: write the migration without the"
                        + " option (Option.IF_NOT_EXISTS)");
            Matcher alter = ALTER.matcher(sql);
            if (!alter.find()) return new Statement(sql, null, null, List.of());
            String table = unquote(alter.group(2));
            String clauses = sql.substring(alter.end());
            List<Part> parts = new ArrayList<>();
            StringBuilder plain = new StringBuilder();
            Matcher clause = CLAUSE.matcher(clauses);
            int at = 0;
            while (clause.find()) {
                plain.append(clauses, at, clause.start());
                unconditional(parts, clauses.substring(at, clause.start()));
                parts.add(
                        new Part("DROP " + clause.group(2) + " " + clause.group(3), clause.group(2), clause.group(3)));
                at = clause.end();
            }
            plain.append(clauses.substring(at));
            unconditional(parts, clauses.substring(at));
            // a comment or default may say IF EXISTS: only the statement's words count
            if (OTHER.matcher(plain.toString().replaceAll("'(?:[^'\\\\]|''|\\\\.)*'|`(?:[^`]|``)*`", "''"))
                    .find())
                throw new RetortException("MySQL has no IF EXISTS or IF NOT EXISTS in ALTER TABLE (" + table
                        + "): write the migration without the option (Option.IF_EXISTS, Option.IF_NOT_EXISTS)");
            return new Statement(
                    sql.substring(0, alter.end()),
                    alter.group(1) == null ? null : unquote(alter.group(1)),
                    table,
                    parts);
        }

        private static void unconditional(List<Part> parts, String text) {
            if (text.startsWith(", ")) text = text.substring(2);
            if (!text.isEmpty()) parts.add(new Part(text, null, null));
        }
    }

    private static boolean exists(Connection connection, String kind, String schema, String table, String name)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + existsQuery(kind, "?", "?", "?"))) {
            st.setString(1, schema);
            st.setString(2, table);
            st.setString(3, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Whether the index or constraint is there: the query with its three values given ({@code schema} null: the URL's). */
    private static String existsSql(String kind, String schema, String table, String name) {
        return existsQuery(
                kind, schema == null ? "NULL" : MariaDbSql.text(schema), MariaDbSql.text(table), MariaDbSql.text(name));
    }

    /** The query with its three values as SQL (literals, or {@code ?}). */
    private static String existsQuery(String kind, String schemaSql, String tableSql, String nameSql) {
        return kind.equals("INDEX")
                ? "EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = COALESCE(" + schemaSql
                        + ", DATABASE()) AND TABLE_NAME = " + tableSql + " AND INDEX_NAME = " + nameSql + ")"
                : "EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = COALESCE("
                        + schemaSql + ", DATABASE()) AND TABLE_NAME = " + tableSql + " AND CONSTRAINT_NAME = " + nameSql
                        + ")";
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("``", "`");
    }
}
