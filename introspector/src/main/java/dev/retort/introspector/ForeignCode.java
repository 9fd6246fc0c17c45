package dev.retort.introspector;

import dev.retort.RetortException;
import dev.retort.runtime.sql.PostgresSql;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the generation expressions and expression indexes that use a function, operator or type defined outside
 * pg_catalog. PostgreSQL plans those while creating them (CREATE INDEX its expressions and predicate, CREATE TABLE
 * a generation expression), and planning folds constants: {@code x + f(1)} runs {@code f} when {@code f} is declared
 * immutable, on an empty table, in a transaction that is rolled back. The canonicaliser therefore creates none of
 * them, and they are compared as printed. They are found without planning: each goes into a CHECK constraint of a
 * probe table (constraints are parsed, never planned) whose dependencies pg_depend then names.
 */
final class ForeignCode {
    private static final String PREFIX = "retort_probe_";

    /**
     * Runs under the path the scratch tables are created under (pg_catalog first, then the session's schemas), so every
     * operator compares two values of the same built-in type. Enum types are safe: their functions are pg_catalog's.
     */
    private static final String FOREIGN = """
            SELECT c.relname, con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND pg_catalog.starts_with(c.relname, 'retort_probe_')
              AND EXISTS (SELECT FROM pg_depend d
                          LEFT JOIN pg_proc p ON d.refclassid = 'pg_catalog.pg_proc'::regclass::oid AND p.oid = d.refobjid
                          LEFT JOIN pg_operator o ON d.refclassid = 'pg_catalog.pg_operator'::regclass::oid AND o.oid = d.refobjid
                          LEFT JOIN pg_type t ON d.refclassid = 'pg_catalog.pg_type'::regclass::oid AND t.oid = d.refobjid
                          WHERE d.classid = 'pg_catalog.pg_constraint'::regclass::oid AND d.objid = con.oid
                            AND (p.pronamespace <> 'pg_catalog'::regnamespace::oid OR o.oprnamespace <> 'pg_catalog'::regnamespace::oid
                                 OR (t.typnamespace <> 'pg_catalog'::regnamespace::oid AND t.typtype <> 'e')))
            """;

    /** What of a table the canonicaliser must not create: generated columns by name, expression indexes by position. */
    record Found(Set<String> generated, Set<Integer> indexes) {
        static final Found NONE = new Found(Set.of(), Set.of());

        Found {
            generated = Set.copyOf(generated);
            indexes = Set.copyOf(indexes);
        }
    }

    private ForeignCode() {}

    /**
     * The tables among {@code tables} that have foreign code, with what has it; in one round trip, and none when no table
     * has a generated column or an expression index. {@code prelude} (types and sequences to create, the search path)
     * runs first and stays in effect.
     */
    static Map<Table, Found> find(Connection connection, Statement st, List<Table> tables, List<String> prelude) throws SQLException {
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
        Map<Table, Set<String>> generated = new IdentityHashMap<>();
        Map<Table, Set<Integer>> indexes = new IdentityHashMap<>();
        try (ResultSet rs = CatalogPath.last(st, String.join(";\n", all) + ";\n" + FOREIGN)) {
            while (rs.next()) {
                Table table = probed.get(Integer.parseInt(rs.getString(1).substring(PREFIX.length())));
                String constraint = rs.getString(2);
                if (constraint.startsWith("g")) {
                    generated.computeIfAbsent(table, t -> new HashSet<>()).add(table.columns().get(number(constraint)).name());
                } else {
                    indexes.computeIfAbsent(table, t -> new HashSet<>()).add(number(constraint));
                }
            }
        } catch (SQLException e) {
            throw diagnosed(connection, st, probed, prelude, e);
        }
        for (Table table : probed) {
            found.put(table, new Found(generated.getOrDefault(table, Set.of()), indexes.getOrDefault(table, Set.of())));
        }
        return found;
    }

    private static int number(String constraint) {
        return Integer.parseInt(constraint.substring(1));
    }

    /**
     * A probe table: the table's columns, plain, and a CHECK constraint per generation expression ({@code g} and the
     * column's position, cast to the column's type as the generated column would be) and per expression index
     * ({@code i} and its position, all its expressions and its predicate); null when the table has neither.
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
                checks.add("CONSTRAINT g" + k + " CHECK (CAST((" + column.generated().key() + ") AS " + column.type() + ") IS NULL)");
            }
        }
        for (int j = 0; j < table.indexes().size(); j++) {
            Index index = table.indexes().get(j);
            List<String> expressions = new ArrayList<>();
            for (Index.Key key : index.keys()) if (key.isExpression()) expressions.add("(" + key.column() + ") IS NULL");
            if (index.where() != null) expressions.add("(" + index.where() + ") IS NULL");
            if (!expressions.isEmpty()) checks.add("CONSTRAINT i" + j + " CHECK (" + String.join(" AND ", expressions) + ")");
        }
        if (checks.isEmpty()) return null;
        parts.addAll(checks);
        return "CREATE TEMPORARY TABLE pg_temp." + name + " (" + String.join(", ", parts) + ") ON COMMIT DROP";
    }

    /** Names the table whose expressions PostgreSQL rejects, trying one probe at a time; else gives the failure back. */
    private static SQLException diagnosed(Connection connection, Statement st, List<Table> probed, List<String> prelude,
                                          SQLException failure) throws SQLException {
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
