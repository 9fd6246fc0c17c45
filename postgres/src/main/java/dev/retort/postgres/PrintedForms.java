package dev.retort.postgres;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Identity;
import dev.retort.schema.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What PostgreSQL printed back for one round's scratch tables, by scratch table and index name. */
final class PrintedForms {
    /** Whether the relation aliased {@code %s} is one of the scratch tables or their indexes. */
    private static final String SCRATCH =
            "pg_catalog.starts_with(%s.relname, '" + ExpressionCanonicalizer.PREFIX + "')";

    /**
     * The scratch tables' defaults and generation expressions, with the type to take a constant default's value in: the
     * column's type with any domains stripped, and only when that is a base type of pg_catalog, whose input and casts
     * run none of the database's code (a domain's CHECK, a cast's function would).
     */
    private static final String DEFAULTS = """
            SELECT c.relname, a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid), base.name, a.attgenerated = 's'
            FROM pg_attrdef d
            JOIN pg_class c ON c.oid = d.adrelid
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            LEFT JOIN LATERAL (WITH RECURSIVE chain(oid, mod) AS (
                                   SELECT a.atttypid, a.atttypmod
                                   UNION ALL
                                   SELECT t.typbasetype, t.typtypmod FROM chain JOIN pg_type t ON t.oid = chain.oid WHERE t.typtype = 'd')
                               SELECT pg_catalog.format_type(t.oid, chain.mod) AS name FROM chain JOIN pg_type t ON t.oid = chain.oid
                               WHERE t.typtype = 'b' AND t.typnamespace = 'pg_catalog'::regnamespace) base ON true
            WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND pg_catalog.starts_with(c.relname, 'retort_canon_')
            """;

    private final Map<String, List<String>> checks = new HashMap<>();
    private final Map<String, Map<String, String>> defaults = new HashMap<>();
    private final Map<String, Map<String, String>> generated = new HashMap<>();
    /** The pg_catalog base type of each column whose default is a constant. */
    private final Map<String, Map<String, String>> defaultTypes = new HashMap<>();

    private final ConstantValues constants = new ConstantValues();
    private final Map<String, Map<String, Column>> definitions = new HashMap<>();
    private final Map<String, List<String>> indexKeys = new HashMap<>();
    private final Map<String, String> indexPredicates = new HashMap<>();

    private PrintedForms() {}

    /** Reads back every scratch table's definitions, checks, defaults (constants evaluated) and indexes. */
    static PrintedForms read(Statement st) throws SQLException {
        PrintedForms printed = new PrintedForms();
        // the definitions' types print as the introspector prints column types: under the session's schemas
        printed.readDefinitions(st);
        printed.readChecks(st);
        printed.readDefaults(st);
        printed.constants.evaluate(st);
        printed.readIndexes(st);
        return printed;
    }

    /** What PostgreSQL made of every scratch table's columns, for the columns whose type is a whole definition. */
    private void readDefinitions(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                        + "pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attgenerated = 's', "
                        + CatalogColumns.COLLATION
                        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                        + "JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                        + "WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind = 'r' AND "
                        + SCRATCH.formatted("c")
                        + " AND a.attnum > 0 AND NOT a.attisdropped")) {
            while (rs.next()) {
                String printed = rs.getString(5);
                boolean isGenerated = rs.getBoolean(6);
                definitions
                        .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(
                                rs.getString(2),
                                new Column(
                                        rs.getString(2),
                                        rs.getString(3),
                                        !rs.getBoolean(4),
                                        Identity.NONE,
                                        printed == null || isGenerated ? null : ColumnDefault.of(printed),
                                        null,
                                        printed == null || !isGenerated ? null : ColumnDefault.of(printed),
                                        rs.getString(7)));
            }
        }
    }

    private void readChecks(Statement st) throws SQLException {
        try (ResultSet rs = CatalogPath.pinned(
                st,
                "SELECT c.relname, con.conname, pg_catalog.pg_get_constraintdef(con.oid) FROM pg_constraint con "
                        + "JOIN pg_class c ON c.oid = con.conrelid WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND con.contype = 'c' "
                        + "AND " + SCRATCH.formatted("c") + " ORDER BY c.relname, con.conname")) {
            while (rs.next()) {
                List<String> list = checks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                int index = Integer.parseInt(rs.getString(2).substring("c".length()));
                while (list.size() <= index) list.add(null);
                list.set(index, CatalogConstraints.checkExpression(rs.getString(3)));
            }
        }
    }

    private void readDefaults(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(DEFAULTS)) {
            while (rs.next()) {
                if (rs.getBoolean(5)) {
                    generated
                            .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                    continue;
                }
                defaults.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                if (constants.add(rs.getString(4), rs.getString(3))) {
                    defaultTypes
                            .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getString(4));
                }
            }
        }
    }

    private void readIndexes(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT ic.relname, ARRAY(SELECT CASE WHEN i.indkey[k - 1] <> 0 "
                + "THEN (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) "
                + "ELSE '(' || pg_catalog.pg_get_indexdef(i.indexrelid, k, true) || ')' END FROM pg_catalog.generate_series(1, i.indnkeyatts) AS k "
                + "ORDER BY k), pg_catalog.pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "WHERE ic.relnamespace = pg_catalog.pg_my_temp_schema() AND " + SCRATCH.formatted("ic"))) {
            while (rs.next()) {
                indexKeys.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
                indexPredicates.put(rs.getString(1), rs.getString(3));
            }
        }
    }

    /** Adds the printed forms of what {@link ForeignCode} probed instead of creating it in scratch table {@code scratch}. */
    void add(String scratch, ForeignCode.Found foreign) {
        foreign.printInto(scratch, generated, indexKeys, indexPredicates);
    }

    /**
     * Files the defaults of a table that shares the wide scratch tables under {@code key}, by its own column names;
     * {@code sharedColumns} tells where each distinct type and default went.
     */
    void share(String key, Table table, Map<List<String>, String[]> sharedColumns) {
        for (Column column : table.columns()) {
            if (column.defaultValue() == null) continue;
            String[] at = sharedColumns.get(List.of(column.type(), ConstantValues.sqlOf(column.defaultValue())));
            String printed = defaults.getOrDefault(at[0], Map.of()).get(at[1]);
            if (printed == null) continue;
            defaults.computeIfAbsent(key, k -> new HashMap<>()).put(column.name(), printed);
            String type = defaultTypes.getOrDefault(at[0], Map.of()).get(at[1]);
            if (type != null)
                defaultTypes.computeIfAbsent(key, k -> new HashMap<>()).put(column.name(), type);
        }
    }

    /** The check constraints of scratch table {@code scratch} as printed, in order. */
    List<String> checks(String scratch) {
        return checks.getOrDefault(scratch, List.of());
    }

    /** A column's default as printed, or its value when it is a constant; null when none was printed. */
    String defaultOf(String scratch, String column) {
        String printed = defaults.getOrDefault(scratch, Map.of()).get(column);
        return constants.canonical(defaultTypes.getOrDefault(scratch, Map.of()).get(column), printed);
    }

    /** A generated column's generation expression as printed; null when none was printed. */
    String generatedOf(String scratch, String column) {
        return generated.getOrDefault(scratch, Map.of()).get(column);
    }

    /** What PostgreSQL made of scratch table {@code scratch}'s columns, by name. */
    Map<String, Column> definitions(String scratch) {
        return definitions.getOrDefault(scratch, Map.of());
    }

    /** The keys of scratch index {@code index} as printed (a column's name, or an expression in parentheses); null when none. */
    List<String> indexKeys(String index) {
        return indexKeys.get(index);
    }

    String indexPredicate(String index) {
        return indexPredicates.get(index);
    }
}
