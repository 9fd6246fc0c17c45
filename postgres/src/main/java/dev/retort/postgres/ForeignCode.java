package dev.retort.postgres;

import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the generation expressions and expression indexes that use a function, operator or type defined outside
 * pg_catalog. PostgreSQL plans those while creating them (CREATE INDEX its expressions and predicate, CREATE TABLE
 * a generation expression), and planning folds constants: {@code x + f(1)} runs {@code f} when {@code f} is declared
 * immutable, on an empty table, in a transaction that is rolled back. The canonicaliser therefore creates none of
 * them. They are found without planning: each expression goes into a CHECK constraint of a probe table (constraints are
 * parsed, never planned) whose dependencies pg_depend then names; the constraint as PostgreSQL prints it back gives
 * those expressions their canonical form.
 */
final class ForeignCode {
    private static final String PREFIX = "retort_probe_";

    /**
     * Runs under the path the scratch tables are created under (pg_catalog first, then the session's schemas), so every
     * operator compares two values of the same built-in type. Enum types are safe: their functions are pg_catalog's.
     */
    private static final String FOREIGN = """
            SELECT c.relname AS table_name, con.conname AS constraint_name,
                   pg_catalog.pg_get_constraintdef(con.oid) AS definition,
                   EXISTS (SELECT FROM pg_depend d
                          LEFT JOIN pg_proc p ON d.refclassid = 'pg_catalog.pg_proc'::regclass::oid AND p.oid = d.refobjid
                          LEFT JOIN pg_operator o ON d.refclassid = 'pg_catalog.pg_operator'::regclass::oid AND o.oid = d.refobjid
                          LEFT JOIN pg_type t ON d.refclassid = 'pg_catalog.pg_type'::regclass::oid AND t.oid = d.refobjid
                          WHERE d.classid = 'pg_catalog.pg_constraint'::regclass::oid AND d.objid = con.oid
                            AND (p.pronamespace <> 'pg_catalog'::regnamespace::oid OR o.oprnamespace <> 'pg_catalog'::regnamespace::oid
                                 OR (t.typnamespace <> 'pg_catalog'::regnamespace::oid AND t.typtype <> 'e'))) AS is_foreign
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND pg_catalog.starts_with(c.relname, 'retort_probe_')
            """;

    /**
     * What of a table the canonicaliser must not create, with its printed form: generated columns by name, and
     * expression indexes by position, each with its keys (a column's name, or an expression in parentheses) and predicate.
     */
    record Found(Map<String, String> generated, Map<Integer, List<String>> indexKeys, Map<Integer, String> predicates) {
        static final Found NONE = new Found(Map.of(), Map.of(), Map.of());

        Found {
            generated = Map.copyOf(generated);
            indexKeys = Map.copyOf(indexKeys);
            predicates = Collections.unmodifiableMap(new HashMap<>(predicates)); // a predicate may be null
        }

        boolean has(int index) {
            return indexKeys.containsKey(index);
        }
    }

    private ForeignCode() {}

    /**
     * The tables among {@code tables} that have foreign code, with what has it; in one round trip, and none when no table
     * has a generated column or an expression index. {@code prelude} (types and sequences to create, the search path)
     * runs first and stays in effect.
     */
    static Map<Table, Found> find(Connection connection, Statement st, List<Table> tables, List<String> prelude)
            throws SQLException {
        List<String> probes = new ArrayList<>();
        List<Table> probed = new ArrayList<>();
        for (Table table : tables) {
            String probe = probe(PREFIX + probed.size(), table);
            if (probe == null) continue;
            probes.add(probe);
            probed.add(table);
        }
        Map<Table, Found> found = new IdentityHashMap<>();
        if (probed.isEmpty()) return found;
        List<String> all = new ArrayList<>(prelude);
        all.addAll(probes);
        Map<Table, Map<String, Printed>> printed = new IdentityHashMap<>();
        try (ResultSet rs = CatalogPath.last(st, String.join(";\n", all) + ";\n" + FOREIGN)) {
            while (rs.next()) {
                Table table =
                        probed.get(Integer.parseInt(rs.getString("table_name").substring(PREFIX.length())));
                printed.computeIfAbsent(table, t -> new HashMap<>())
                        .put(
                                rs.getString("constraint_name"),
                                new Printed(expression(rs.getString("definition")), rs.getBoolean("is_foreign")));
            }
        } catch (SQLException e) {
            throw diagnosed(connection, st, probed, prelude, e);
        }
        for (Table table : probed) found.put(table, found(table, printed.getOrDefault(table, Map.of())));
        return found;
    }

    /** A probe constraint's expression as printed, and whether it uses foreign code. */
    private record Printed(String expression, boolean foreign) {}

    /** The expression {@code e} of a probe constraint, which PostgreSQL prints as {@code CHECK ((e IS NULL))}. */
    private static String expression(String definition) {
        String prefix = "CHECK ((";
        String suffix = " IS NULL))";
        if (!definition.startsWith(prefix) || !definition.endsWith(suffix))
            throw new IllegalStateException("not a probe: " + definition);
        return definition.substring(prefix.length(), definition.length() - suffix.length());
    }

    private static Found found(Table table, Map<String, Printed> printed) {
        Map<String, String> generated = new HashMap<>();
        Map<Integer, List<String>> indexKeys = new HashMap<>();
        Map<Integer, String> predicates = new HashMap<>();
        for (int k = 0; k < table.columns().size(); k++) {
            Printed expression = printed.get("g" + k);
            if (expression != null && expression.foreign())
                generated.put(table.columns().get(k).name(), expression.expression());
        }
        for (int j = 0; j < table.indexes().size(); j++) {
            Index index = table.indexes().get(j);
            List<Printed> parts = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int n = 0; n < index.keys().size(); n++) {
                Printed key = printed.get("k" + j + "_" + n);
                if (key != null) parts.add(key);
                keys.add(key == null ? index.keys().get(n).column() : "(" + key.expression() + ")");
            }
            Printed where = printed.get("w" + j);
            if (where != null) parts.add(where);
            if (parts.stream().noneMatch(Printed::foreign)) continue;
            indexKeys.put(j, keys);
            predicates.put(j, where == null ? null : where.expression());
        }
        return new Found(generated, indexKeys, predicates);
    }

    /**
     * A probe table: the table's columns, plain, and a CHECK constraint per generation expression ({@code g} and the
     * column's position, cast to the column's type as the generated column would be), per index expression ({@code k},
     * the index's and the key's positions) and per index predicate ({@code w} and the index's position); null when the
     * table has none.
     */
    private static String probe(String name, Table table) {
        List<String> parts = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (int k = 0; k < table.columns().size(); k++) {
            Column column = table.columns().get(k);
            String definition = PostgresSql.quote(column.name()) + " " + column.type();
            if (ExpressionCanonicalizer.isDefinition(column)) {
                parts.add(definition);
                continue;
            }
            if (column.collation() != null) definition += " COLLATE " + column.collation();
            parts.add(definition);
            if (column.generated() != null) {
                checks.add("CONSTRAINT g" + k + " CHECK (CAST(("
                        + column.generated().key() + ") AS " + column.type() + ") IS NULL)");
            }
        }
        for (int j = 0; j < table.indexes().size(); j++) {
            Index index = table.indexes().get(j);
            for (int n = 0; n < index.keys().size(); n++) {
                Index.Key key = index.keys().get(n);
                if (key.isExpression())
                    checks.add("CONSTRAINT k" + j + "_" + n + " CHECK ((" + key.column() + ") IS NULL)");
            }
            if (index.where() != null) checks.add("CONSTRAINT w" + j + " CHECK ((" + index.where() + ") IS NULL)");
        }
        if (checks.isEmpty()) return null;
        parts.addAll(checks);
        return "CREATE TEMPORARY TABLE pg_temp." + name + " (" + String.join(", ", parts) + ") ON COMMIT DROP";
    }

    /** Names the table whose expressions PostgreSQL rejects, trying one probe at a time; else gives the failure back. */
    private static SQLException diagnosed(
            Connection connection, Statement st, List<Table> probed, List<String> prelude, SQLException failure)
            throws SQLException {
        connection.rollback();
        st.execute("SET LOCAL jit = off");
        for (String sql : prelude) st.execute(sql);
        for (int i = 0; i < probed.size(); i++) {
            try {
                st.execute(probe(PREFIX + i, probed.get(i)));
            } catch (SQLException e) {
                throw ExpressionCanonicalizer.rejected(probed.get(i), e);
            }
        }
        return failure;
    }
}
