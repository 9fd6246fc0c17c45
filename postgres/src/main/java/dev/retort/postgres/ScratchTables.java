package dev.retort.postgres;

import dev.retort.op.CreateIndex;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round's scratch tables: a temporary table of its own ({@code retort_canon_0}, ...) for each table whose checks,
 * generation expressions, definitions or expression indexes name its columns, and wide shared tables holding the
 * distinct defaults of the others, one column per distinct type and default.
 */
record ScratchTables(List<Table> involved, List<Table> own, Map<TypedDefault, SharedColumn> shared) {
    /** What every scratch table's name starts with. */
    static final String PREFIX = "retort_canon_";

    private static final String SHARED = PREFIX + "s";
    /** Columns per shared scratch table (PostgreSQL allows 1,600). */
    private static final int SHARED_WIDTH = 1000;

    /** A column type and a default as sent to PostgreSQL. */
    record TypedDefault(String type, String sql) {
        static TypedDefault of(Column column) {
            return new TypedDefault(column.type(), ConstantValues.sqlOf(column.defaultValue()));
        }
    }

    /** Where a distinct type and default is created: a shared scratch table and its column. */
    record SharedColumn(String table, String column) {}

    ScratchTables {
        involved = List.copyOf(involved);
        own = List.copyOf(own);
        shared = Collections.unmodifiableMap(shared);
    }

    /** The scratch tables for the tables of a round. */
    static ScratchTables of(List<Table> involved) {
        List<Table> own = involved.stream().filter(ScratchTables::needsOwnTable).toList();
        Map<TypedDefault, SharedColumn> shared = new LinkedHashMap<>();
        for (Table table : involved) {
            if (needsOwnTable(table)) continue;
            for (Column column : table.columns()) {
                if (column.defaultValue() == null) continue;
                shared.computeIfAbsent(
                        TypedDefault.of(column),
                        k -> new SharedColumn(
                                SHARED + (shared.size() / SHARED_WIDTH), "d" + (shared.size() % SHARED_WIDTH)));
            }
        }
        return new ScratchTables(involved, own, shared);
    }

    /** Whether a table's expressions need its own scratch table: checks, generation expressions and indexes name its columns. */
    static boolean needsOwnTable(Table table) {
        return !table.checks().isEmpty()
                || table.indexes().stream().anyMatch(ExpressionCanonicalizer::hasExpressions)
                || table.columns().stream()
                        .anyMatch(c -> c.generated() != null || ExpressionCanonicalizer.isDefinition(c));
    }

    /** Whether a table with its own scratch table has a column whose type is a whole definition. */
    boolean hasDefinitions() {
        return own.stream().anyMatch(t -> t.columns().stream().anyMatch(ExpressionCanonicalizer::isDefinition));
    }

    /** The name of the scratch table of {@code own.get(i)}. */
    static String ownName(int i) {
        return PREFIX + i;
    }

    /** The name of the check constraint {@code j} of a scratch table. */
    static String checkName(int j) {
        return "c" + j;
    }

    /** The name of the index that stands for index {@code j} of the table of scratch table {@code scratch}. */
    static String indexName(String scratch, int j) {
        return scratch + "_i" + j;
    }

    /** The wide scratch tables holding the distinct defaults of tables that need no table of their own. */
    List<String> sharedStatements() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        shared.forEach((typeAndDefault, at) -> columns.computeIfAbsent(at.table(), k -> new ArrayList<>())
                .add(at.column() + " " + typeAndDefault.type() + " DEFAULT " + typeAndDefault.sql()));
        List<String> statements = new ArrayList<>();
        columns.forEach((table, definitions) -> statements.add("CREATE TEMPORARY TABLE pg_temp." + table + " ("
                + String.join(", ", definitions) + ") ON COMMIT DROP"));
        return statements;
    }

    /**
     * A temporary table with the table's columns, their defaults, and its checks named c0, c1, ... in order; then its
     * expression indexes. Generated columns and indexes with foreign code are left out (a generated column as a plain
     * column): their canonical forms come from {@link ForeignCode}'s probe.
     */
    static List<String> statements(String scratch, Table table, ForeignCode.Found foreign) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            String definition = PostgresSql.quote(column.name()) + " " + column.type();
            if (!ExpressionCanonicalizer.isDefinition(column)) {
                if (column.collation() != null) definition += " COLLATE " + column.collation();
                if (column.defaultValue() != null)
                    definition += " DEFAULT " + ConstantValues.sqlOf(column.defaultValue());
                if (column.generated() != null && !foreign.generated().containsKey(column.name())) {
                    definition += " GENERATED ALWAYS AS (" + column.generated().key() + ") STORED";
                }
            }
            parts.add(definition);
        }
        for (int j = 0; j < table.checks().size(); j++)
            parts.add("CONSTRAINT " + checkName(j) + " CHECK ("
                    + table.checks().get(j).key() + ")");
        List<String> statements = new ArrayList<>();
        statements.add(
                "CREATE TEMPORARY TABLE pg_temp." + scratch + " (" + String.join(", ", parts) + ") ON COMMIT DROP");
        for (int j = 0; j < table.indexes().size(); j++) {
            Index index = table.indexes().get(j);
            if (!ExpressionCanonicalizer.hasExpressions(index) || foreign.has(j)) continue;
            Index probe = new Index(
                    indexName(scratch, j), index.keys(), false, index.method(), List.of(), index.where(), false);
            statements.addAll(PostgresSql.statements(new CreateIndex(new QualifiedName("pg_temp", scratch), probe)));
        }
        return statements;
    }
}
