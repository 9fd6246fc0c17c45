package dev.retort.postgres;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads back what PostgreSQL printed for one round's scratch tables, one {@link Scratch} per scratch table, and gives
 * each table of the round its {@link PrintedTable}: for a table with a scratch table of its own, that table's forms;
 * for one that shares the wide scratch tables, the forms of its defaults there.
 *
 * <p>The queries are the canonicaliser's own rather than the catalog reader's: reading the scratch tables through
 * {@link CatalogColumns}, {@link CatalogConstraints} and {@link CatalogIndexes} was measured at 1,000 tables at about
 * 150 ms more per round than these queries, far over 5% of reading the catalog itself (about 250 ms): the catalog
 * reader reads every column of a scratch table where these read only its defaults, and plans larger queries. The
 * columns whose type is a whole definition are read first, under the path the scratch tables were created under, so
 * that their types print as the introspector prints column types; everything else is read, and constant defaults are
 * evaluated ({@link ConstantValues}), under the pinned path ({@link CatalogPath#PINNED}).
 */
final class PrintedForms {
    /** Whether the relation aliased {@code %s} is one of the scratch tables or their indexes. */
    private static final String SCRATCH = "pg_catalog.starts_with(%s.relname, '" + ScratchTables.PREFIX + "')";

    /**
     * The scratch tables' columns with what PostgreSQL made of them, for the columns whose type is a whole definition;
     * the collation as the introspector reads it.
     */
    private static final String DEFINITIONS = ("""
            SELECT c.relname AS table_name, a.attname AS column_name,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type, a.attnotnull AS not_null,
                   pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS expression, a.attgenerated = 's' AS is_generated,
            """ + CatalogColumns.COLLATION + """
                 AS collation
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind = 'r' AND %s AND a.attnum > 0 AND NOT a.attisdropped
            """).formatted(SCRATCH.formatted("c"));

    /**
     * The scratch tables' constraints: the checks named c0, c1, ... that stand for the table's, and those the columns
     * whose type is a whole definition declare (a {@code check (...)}, or a key the model cannot hold).
     */
    private static final String CHECKS = """
            SELECT c.relname AS table_name, con.conname AS constraint_name, con.contype AS kind,
                   pg_catalog.pg_get_constraintdef(con.oid) AS definition
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND con.contype IN ('c', 'u', 'p', 'f', 'x') AND %s
            ORDER BY c.relname, con.conname
            """.formatted(SCRATCH.formatted("c"));

    /** The names the canonicaliser gives the checks standing for a table's: c0, c1, ... */
    private static final Pattern OWN_CHECK = Pattern.compile("c[0-9]+");

    /**
     * The scratch tables' defaults and generation expressions, with the type to take a constant default's value in: the
     * column's type with any domains stripped, and only when that is a base type of pg_catalog, whose input and casts
     * run none of the database's code (a domain's CHECK, a cast's function would).
     */
    private static final String DEFAULTS = """
            SELECT c.relname AS table_name, a.attname AS column_name, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS expression,
                   base.name AS constant_type, a.attgenerated = 's' AS is_generated
            FROM pg_attrdef d
            JOIN pg_class c ON c.oid = d.adrelid
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            LEFT JOIN LATERAL (WITH RECURSIVE chain(oid, mod) AS (
                                   SELECT a.atttypid, a.atttypmod
                                   UNION ALL
                                   SELECT t.typbasetype, t.typtypmod FROM chain JOIN pg_type t ON t.oid = chain.oid WHERE t.typtype = 'd')
                               SELECT pg_catalog.format_type(t.oid, chain.mod) AS name FROM chain JOIN pg_type t ON t.oid = chain.oid
                               WHERE t.typtype = 'b' AND t.typnamespace = 'pg_catalog'::regnamespace) base ON true
            WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND %s
            """.formatted(SCRATCH.formatted("c"));

    /** The scratch indexes' keys (a column's name, or an expression in parentheses) and predicates. */
    private static final String INDEXES = """
            SELECT ic.relname AS index_name,
                   ARRAY(SELECT CASE WHEN i.indkey[k - 1] <> 0
                                     THEN (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
                                     ELSE '(' || pg_catalog.pg_get_indexdef(i.indexrelid, k, true) || ')' END
                         FROM pg_catalog.generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS keys,
                   pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE ic.relnamespace = pg_catalog.pg_my_temp_schema() AND %s
            """.formatted(SCRATCH.formatted("ic"));

    /** What the queries' rows give for one scratch table, by its column names and the positions of its checks. */
    private static final class Scratch {
        final Map<String, Column> made = new HashMap<>();
        final Map<String, String> defaults = new HashMap<>();
        /** The pg_catalog base type of each column whose default is a constant. */
        final Map<String, String> constantTypes = new HashMap<>();

        final Map<String, String> generated = new HashMap<>();
        final List<String> checks = new ArrayList<>();
        /** The constraints the definitions declared, by their names in the scratch table. */
        final Map<String, DeclaredConstraint> declared = new LinkedHashMap<>();
    }

    /** A constraint a column's definition declared: its kind ({@code pg_constraint.contype}) and definition. */
    record DeclaredConstraint(String kind, String definition) {}

    private static final Scratch NONE = new Scratch();

    private final Map<String, Scratch> scratchTables = new HashMap<>();
    private final Map<String, PrintedTable.PrintedIndex> scratchIndexes = new HashMap<>();
    private final ConstantValues constants = new ConstantValues();

    private PrintedForms() {}

    /** What PostgreSQL printed for each table of {@code scratch}, with {@code foreign} what it must not create. */
    static Map<Table, PrintedTable> read(Statement st, ScratchTables scratch, Map<Table, ForeignCode.Found> foreign)
            throws SQLException {
        PrintedForms forms = new PrintedForms();
        if (scratch.hasDefinitions()) forms.readDefinitions(st);
        forms.readChecks(st);
        forms.readDefaults(st);
        forms.constants.evaluate(st);
        forms.readIndexes(st);
        Map<Table, PrintedTable> byTable = new IdentityHashMap<>();
        List<Table> own = scratch.own();
        for (int i = 0; i < own.size(); i++) {
            Table table = own.get(i);
            byTable.put(
                    table,
                    forms.ownTable(
                            table, ScratchTables.ownName(i), foreign.getOrDefault(table, ForeignCode.Found.NONE)));
        }
        Map<ScratchTables.SharedColumn, String> shared = forms.sharedDefaults(scratch);
        for (Table table : scratch.involved()) byTable.computeIfAbsent(table, t -> sharing(t, scratch, shared));
        return byTable;
    }

    private Scratch scratch(String name) {
        return scratchTables.computeIfAbsent(name, k -> new Scratch());
    }

    /** What PostgreSQL made of every scratch table's columns, for the columns whose type is a whole definition. */
    private void readDefinitions(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(DEFINITIONS)) {
            while (rs.next()) {
                String printed = rs.getString("expression");
                boolean isGenerated = rs.getBoolean("is_generated");
                String name = rs.getString("column_name");
                scratch(rs.getString("table_name"))
                        .made
                        .put(
                                name,
                                Column.of(name, rs.getString("column_type"))
                                        .withNullable(!rs.getBoolean("not_null"))
                                        .withDefault(printed == null || isGenerated ? null : ColumnDefault.of(printed))
                                        .withGenerated(
                                                printed == null || !isGenerated ? null : ColumnDefault.of(printed))
                                        .collate(rs.getString("collation")));
            }
        }
    }

    private void readChecks(Statement st) throws SQLException {
        try (ResultSet rs = CatalogPath.pinned(st, CHECKS)) {
            while (rs.next()) {
                Scratch scratch = scratch(rs.getString("table_name"));
                String name = rs.getString("constraint_name");
                if (!OWN_CHECK.matcher(name).matches() || !rs.getString("kind").equals("c")) {
                    scratch.declared.put(
                            name, new DeclaredConstraint(rs.getString("kind"), rs.getString("definition")));
                    continue;
                }
                List<String> checks = scratch.checks;
                int index = Integer.parseInt(name.substring("c".length()));
                while (checks.size() <= index) checks.add(null);
                checks.set(index, CatalogConstraints.checkExpression(rs.getString("definition")));
            }
        }
    }

    private void readDefaults(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(DEFAULTS)) {
            while (rs.next()) {
                Scratch scratch = scratch(rs.getString("table_name"));
                String column = rs.getString("column_name");
                String printed = rs.getString("expression");
                if (rs.getBoolean("is_generated")) {
                    scratch.generated.put(column, printed);
                    continue;
                }
                scratch.defaults.put(column, printed);
                String type = rs.getString("constant_type");
                if (constants.add(type, printed)) scratch.constantTypes.put(column, type);
            }
        }
    }

    private void readIndexes(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(INDEXES)) {
            while (rs.next()) {
                List<String> keys = List.of((String[]) rs.getArray("keys").getArray());
                scratchIndexes.put(
                        rs.getString("index_name"), new PrintedTable.PrintedIndex(keys, rs.getString("predicate")));
            }
        }
    }

    /** The printed forms of a table with scratch table {@code name} of its own. */
    private PrintedTable ownTable(Table table, String name, ForeignCode.Found foreign) {
        Scratch read = scratchTables.getOrDefault(name, NONE);
        Map<String, String> defaults = new HashMap<>();
        read.defaults.forEach((column, printed) ->
                defaults.put(column, constants.canonical(read.constantTypes.get(column), printed)));
        Map<String, String> generated = new HashMap<>(read.generated);
        generated.putAll(foreign.generated());
        Map<Integer, PrintedTable.PrintedIndex> indexes = new HashMap<>();
        for (int j = 0; j < table.indexes().size(); j++) {
            PrintedTable.PrintedIndex index = scratchIndexes.get(ScratchTables.indexName(name, j));
            if (index != null) indexes.put(j, index);
        }
        foreign.indexKeys()
                .forEach((j, keys) -> indexes.put(
                        j,
                        new PrintedTable.PrintedIndex(keys, foreign.predicates().get(j))));
        return new PrintedTable(
                read.made, DeclaredChecks.of(table, name, read.declared), defaults, generated, read.checks, indexes);
    }

    /** Each shared scratch column's default as printed, or its value when it is a constant. */
    private Map<ScratchTables.SharedColumn, String> sharedDefaults(ScratchTables scratch) {
        Map<ScratchTables.SharedColumn, String> defaults = new HashMap<>();
        for (ScratchTables.SharedColumn at : scratch.shared().values()) {
            Scratch read = scratchTables.getOrDefault(at.table(), NONE);
            String printed = read.defaults.get(at.column());
            if (printed != null) defaults.put(at, constants.canonical(read.constantTypes.get(at.column()), printed));
        }
        return defaults;
    }

    /** The printed defaults of a table that shares the wide scratch tables, by its own column names. */
    private static PrintedTable sharing(
            Table table, ScratchTables scratch, Map<ScratchTables.SharedColumn, String> shared) {
        Map<String, String> defaults = new HashMap<>();
        for (Column column : table.columns()) {
            if (column.defaultValue() == null) continue;
            String printed = shared.get(scratch.shared().get(ScratchTables.TypedDefault.of(column)));
            if (printed != null) defaults.put(column.name(), printed);
        }
        return PrintedTable.ofDefaults(defaults);
    }
}
