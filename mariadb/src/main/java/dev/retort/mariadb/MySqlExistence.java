package dev.retort.mariadb;

import dev.retort.RetortException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * op.execute}) through it on MySQL.
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
        Matcher without = WITHOUT_KEY_CHECKS.matcher(sql);
        if (without.find()) sql = sql.substring(without.end());
        Matcher dropIndex = DROP_INDEX.matcher(sql);
        if (dropIndex.find()) {
            String schema = dropIndex.group(2) == null ? null : unquote(dropIndex.group(2));
            return exists(connection, "INDEX", schema, unquote(dropIndex.group(3)), unquote(dropIndex.group(1)))
                    ? "DROP INDEX " + sql.substring("DROP INDEX IF EXISTS ".length())
                    : NOTHING;
        }
        if (CREATE_INDEX.matcher(sql).find())
            throw new RetortException("MySQL has no CREATE INDEX IF NOT EXISTS: write the migration without the option"
                    + " (Option.IF_NOT_EXISTS)");
        Matcher alter = ALTER.matcher(sql);
        if (!alter.find()) return sql;
        String schema = alter.group(1) == null ? null : unquote(alter.group(1));
        String table = unquote(alter.group(2));
        String head = sql.substring(0, alter.end());
        String clauses = sql.substring(alter.end());
        StringBuilder kept = new StringBuilder();
        Matcher clause = CLAUSE.matcher(clauses);
        int at = 0;
        while (clause.find()) {
            kept.append(clauses, at, clause.start());
            String kind = clause.group(2);
            String name = unquote(clause.group(3));
            if (exists(connection, kind, schema, table, name))
                kept.append(clause.group(1))
                        .append("DROP ")
                        .append(kind)
                        .append(' ')
                        .append(clause.group(3));
            at = clause.end();
        }
        kept.append(clauses.substring(at));
        String rest = kept.toString();
        if (rest.startsWith(", ")) rest = rest.substring(2);
        // a comment or default may say IF EXISTS: only the statement's words count
        if (OTHER.matcher(rest.replaceAll("'(?:[^'\\\\]|''|\\\\.)*'|`(?:[^`]|``)*`", "''"))
                .find())
            throw new RetortException("MySQL has no IF EXISTS or IF NOT EXISTS in ALTER TABLE (" + table
                    + "): write the migration without the option (Option.IF_EXISTS, Option.IF_NOT_EXISTS)");
        return rest.isBlank() ? NOTHING : head + rest;
    }

    private static boolean exists(Connection connection, String kind, String schema, String table, String name)
            throws SQLException {
        String sql = kind.equals("INDEX")
                ? "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
                        + " AND TABLE_NAME = ? AND INDEX_NAME = ?"
                : "SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = COALESCE(?,"
                        + " DATABASE()) AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, schema);
            st.setString(2, table);
            st.setString(3, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("``", "`");
    }
}
