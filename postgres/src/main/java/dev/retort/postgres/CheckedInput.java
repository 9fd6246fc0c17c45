package dev.retort.postgres;

import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types whose literals run a domain's CHECK while PostgreSQL merely parses them: an array, composite or range type
 * with a constrained domain inside ({@code '{5}'::quantity[]}, {@code '(5)'::pair}) is read by its element types' input
 * functions, and a domain's input function checks its constraints there and then. A table that has a column of such a
 * type, or an expression naming one, a constrained domain, or a function or operator taking or giving such a type, is
 * not canonicalised: its expressions are compared as printed. A domain column alone is safe to parse: its check waits
 * for execution. The domains of pg_catalog and information_schema are the system's own.
 */
record CheckedInput(Set<String> types, Set<String> arrayElements, Set<String> names, Set<String> operators) {
    static final CheckedInput NONE = new CheckedInput(Set.of(), Set.of(), Set.of(), Set.of());

    /**
     * Rows of kind {@code t} (a risky type), {@code a} (a risky array's element type), {@code n} (a name an expression
     * must not use: a risky type, a constrained domain, a function taking or giving a risky type) and {@code o} (such an
     * operator). Every relation, function and operator is qualified: this runs under the session's search path.
     */
    private static final String QUERY = """
            WITH RECURSIVE
            checked(oid) AS (
                SELECT con.contypid FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) con.contypid
                JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) t.typnamespace
                WHERE n.nspname OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.name
                  AND n.nspname OPERATOR(pg_catalog.<>) 'information_schema'::pg_catalog.name
              UNION
                SELECT t.oid FROM pg_catalog.pg_type t JOIN checked k ON t.typbasetype OPERATOR(pg_catalog.=) k.oid
                WHERE t.typtype OPERATOR(pg_catalog.=) 'd'::pg_catalog."char"),
            edge(outer_type, inner_type) AS (
                SELECT t.oid, t.typelem FROM pg_catalog.pg_type t WHERE t.typelem OPERATOR(pg_catalog.<>) 0::pg_catalog.oid
              UNION ALL
                SELECT c.reltype, a.atttypid FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) c.oid
                WHERE a.attnum OPERATOR(pg_catalog.>) 0::pg_catalog.int2 AND NOT a.attisdropped AND EXISTS (SELECT FROM checked)
              UNION ALL
                SELECT r.rngtypid, r.rngsubtype FROM pg_catalog.pg_range r
              UNION ALL
                SELECT r.rngmultitypid, r.rngtypid FROM pg_catalog.pg_range r),
            risky(oid) AS (
                SELECT e.outer_type FROM edge e JOIN checked k ON e.inner_type OPERATOR(pg_catalog.=) k.oid
              UNION
                SELECT e.outer_type FROM (SELECT * FROM edge UNION ALL SELECT t.oid, t.typbasetype FROM pg_catalog.pg_type t
                                          WHERE t.typtype OPERATOR(pg_catalog.=) 'd'::pg_catalog."char") e
                JOIN risky r ON e.inner_type OPERATOR(pg_catalog.=) r.oid)
            SELECT 't' AS kind, t.typname::pg_catalog.text AS name FROM risky r JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) r.oid
            UNION ALL
            SELECT 'a', el.typname::pg_catalog.text FROM risky r JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) r.oid
            JOIN pg_catalog.pg_type el ON el.oid OPERATOR(pg_catalog.=) t.typelem WHERE t.typcategory OPERATOR(pg_catalog.=) 'A'::pg_catalog."char"
            UNION ALL
            SELECT 'n', t.typname::pg_catalog.text FROM checked k JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) k.oid
            UNION ALL
            SELECT 'n', p.proname::pg_catalog.text FROM pg_catalog.pg_proc p JOIN risky r ON r.oid OPERATOR(pg_catalog.=) p.prorettype
                OR r.oid OPERATOR(pg_catalog.=) ANY (p.proargtypes::pg_catalog.oid[])
            UNION ALL
            SELECT 'o', o.oprname::pg_catalog.text FROM pg_catalog.pg_operator o JOIN risky r ON r.oid OPERATOR(pg_catalog.=) o.oprleft
                OR r.oid OPERATOR(pg_catalog.=) o.oprright OR r.oid OPERATOR(pg_catalog.=) o.oprresult
            """;

    private static final Pattern IDENTIFIER =
            Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_\\u0080-\\uffff][A-Za-z0-9_$\\u0080-\\uffff]*)");

    CheckedInput {
        types = Set.copyOf(types);
        arrayElements = Set.copyOf(arrayElements);
        names = Set.copyOf(names);
        operators = Set.copyOf(operators);
    }

    /**
     * What the database holds of such types, in one query (none in most databases; the columns of every table are
     * read only when there is a constrained domain), with the JIT compiler off: its estimates are far too high.
     */
    static CheckedInput read(Connection connection) throws SQLException {
        Set<String> types = new HashSet<>();
        Set<String> arrayElements = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> operators = new HashSet<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement();
                ResultSet rs = CatalogPath.last(st, "SET LOCAL jit = off;\n" + QUERY)) {
            while (rs.next()) {
                String name = rs.getString("name").toLowerCase(Locale.ROOT);
                switch (rs.getString("kind")) {
                    case "t" -> types.add(name);
                    case "a" -> arrayElements.add(name);
                    case "o" -> operators.add(name);
                    default -> names.add(name);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        names.addAll(types);
        return new CheckedInput(types, arrayElements, names, operators);
    }

    /** Whether creating the table's scratch table could run a domain's check while parsing. */
    boolean touches(Table table) {
        if (types.isEmpty() && names.isEmpty()) return false;
        for (Column column : table.columns()) {
            if (mentionsType(column.type())) return true;
            if (ExpressionCanonicalizer.isDefinition(column) && mentions(column.type())) return true;
            if (column.defaultValue() != null && mentions(column.defaultValue().key())) return true;
            if (column.generated() != null && mentions(column.generated().key())) return true;
        }
        if (table.checks().stream().anyMatch(check -> mentions(check.key()))) return true;
        for (Index index : table.indexes()) {
            if (index.where() != null && mentions(index.where())) return true;
            if (index.keys().stream().anyMatch(key -> key.isExpression() && mentions(key.column()))) return true;
        }
        return false;
    }

    private boolean mentionsType(String type) {
        Matcher m = IDENTIFIER.matcher(type);
        while (m.find()) {
            String token = token(m);
            if (types.contains(token)) return true;
            if (arrayElements.contains(token) && type.indexOf('[', m.end()) >= 0) return true;
        }
        return false;
    }

    private boolean mentions(String expression) {
        for (String operator : operators) if (expression.contains(operator)) return true;
        Matcher m = IDENTIFIER.matcher(expression);
        while (m.find()) if (names.contains(token(m))) return true;
        return false;
    }

    private static String token(Matcher m) {
        return (m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2)).toLowerCase(Locale.ROOT);
    }

    /** The tables of {@code tables} that do not touch such types. */
    List<Table> without(List<Table> tables) {
        if (types.isEmpty() && names.isEmpty()) return tables;
        List<Table> kept = new ArrayList<>();
        for (Table table : tables) if (!touches(table)) kept.add(table);
        return kept;
    }
}
