package dev.retort.postgres;

import dev.retort.RetortException;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.schema.BoundedMemo;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.EnumType;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives every check constraint, column default and index expression or predicate of a schema its
 * canonical form: the way PostgreSQL prints it back. Each table that has either is created as a temporary table, in a
 * transaction that is rolled back, and read back through {@code pg_get_constraintdef} and
 * {@code pg_get_expr}. Printing is not idempotent (a printed {@code ARRAY[...]::text[]} prints
 * back with a cast on each element), so this repeats until the forms stop changing; both the model
 * and the catalog go through it before they are compared, while migrations keep the expressions
 * as written.
 *
 * <p>None of the database's own code runs meanwhile: constants are evaluated only in pg_catalog's base
 * types, with domains stripped ({@link ConstantValues}); generated columns and indexes that would run a function while being
 * created are only parsed, in CHECK constraints ({@link ForeignCode}); tables whose literals would run a
 * domain's check while being parsed are left out ({@link CheckedInput}) and compared as printed. Every
 * statement runs under a search path that puts pg_catalog first ({@link CatalogPath}).
 */
public final class ExpressionCanonicalizer {
    private static final int MAX_ROUNDS = 4;
    static final String PREFIX = "retort_canon_";
    private static final String SHARED = PREFIX + "s";
    /** Columns per shared scratch table (PostgreSQL allows 1,600). */
    private static final int SHARED_WIDTH = 1000;

    private ExpressionCanonicalizer() {}

    public static Schema canonicalize(Connection connection, Schema schema) {
        if (schema.tables().stream().noneMatch(ExpressionCanonicalizer::hasExpressions)) return schema;
        CheckedInput checkedInput;
        try {
            checkedInput = CheckedInput.read(connection);
        } catch (SQLException e) {
            throw new RetortException(
                    "reading the database's domains and the types that hold them failed: " + e.getMessage(), e);
        }
        // a table is settled once a round would send PostgreSQL what it sent last time: the answer cannot change
        Set<TableName> settled = new HashSet<>();
        Schema current = schema;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Schema next = round(connection, current, settled, checkedInput);
            if (next == current) return next;
            for (int i = 0; i < next.tables().size(); i++) {
                Table before = current.tables().get(i);
                if (inputs(before).equals(inputs(next.tables().get(i)))) settled.add(before.name());
            }
            current = next;
        }
        return current;
    }

    /** What a round sends PostgreSQL for a table: column types, defaults, generation expressions, collations, checks, index expressions. */
    private static List<Object> inputs(Table table) {
        List<Object> inputs = new ArrayList<>();
        for (Column column : table.columns()) {
            inputs.add(column.type());
            inputs.add(column.defaultValue() == null ? null : ConstantValues.sqlOf(column.defaultValue()));
            inputs.add(column.generatedKey());
            inputs.add(column.collation());
        }
        table.checks().forEach(check -> inputs.add(check.key()));
        for (Index index : table.indexes()) {
            if (!hasExpressions(index)) continue;
            inputs.add(index.keys());
            inputs.add(index.where());
        }
        return inputs;
    }

    /**
     * Whether a column's type is really a whole column definition ({@code columnDefinition} with a
     * default, NOT NULL, a collation, ...), to be taken apart by PostgreSQL.
     */
    static boolean isDefinition(Column column) {
        return DEFINITIONS.apply(column.type());
    }

    private static final Pattern DEFINITION = Pattern.compile(
            "\\s(default|not\\s+null|null|generated|collate|check|references|primary|unique|constraint)[\\s(]");

    /** Whether a type's spelling is a definition, by spelling: asked several times for every column. */
    private static final BoundedMemo<String, Boolean> DEFINITIONS = new BoundedMemo<>(
            type -> DEFINITION
                    .matcher(" " + type.toLowerCase(Locale.ROOT) + " ")
                    .find(),
            4096);

    private static boolean hasExpressions(Table table) {
        return !table.checks().isEmpty()
                || table.columns().stream()
                        .anyMatch(c -> c.defaultValue() != null || c.generated() != null || isDefinition(c))
                || table.indexes().stream().anyMatch(ExpressionCanonicalizer::hasExpressions);
    }

    private static boolean hasExpressions(Index index) {
        return index.where() != null || index.keys().stream().anyMatch(Index.Key::isExpression);
    }

    private static Schema round(
            Connection connection, Schema schema, Set<TableName> settled, CheckedInput checkedInput) {
        List<Table> involved = checkedInput.without(schema.tables().stream()
                .filter(t -> !settled.contains(t.name()) && hasExpressions(t))
                .toList());
        if (involved.isEmpty()) return schema;
        // tables with nothing but defaults share wide scratch tables, one column per distinct type and default
        List<Table> own =
                involved.stream().filter(ExpressionCanonicalizer::needsOwnTable).toList();
        Map<List<String>, String[]> sharedColumns = sharedColumns(involved);
        PrintedForms printed = printBack(connection, schema, own, sharedColumns, involved);
        Map<Table, String> scratchOf = new IdentityHashMap<>();
        for (int i = 0; i < own.size(); i++) scratchOf.put(own.get(i), PREFIX + i);
        for (int i = 0; i < involved.size(); i++) {
            Table table = involved.get(i);
            if (scratchOf.containsKey(table)) continue;
            String key = "shared table " + i;
            scratchOf.put(table, key);
            printed.share(key, table, sharedColumns);
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables()) {
            String scratch = scratchOf.get(table);
            tables.add(
                    scratch == null
                            ? table
                            : rewrite(resolveDefinitions(table, printed.definitions(scratch)), scratch, printed));
        }
        return new Schema(tables, schema.sequences(), schema.enums());
    }

    /** Where each distinct type and default of the tables that need no table of their own goes: a shared scratch table and column. */
    private static Map<List<String>, String[]> sharedColumns(List<Table> involved) {
        Map<List<String>, String[]> sharedColumns = new LinkedHashMap<>();
        for (Table table : involved) {
            if (needsOwnTable(table)) continue;
            for (Column column : table.columns()) {
                if (column.defaultValue() == null) continue;
                sharedColumns.computeIfAbsent(
                        List.of(column.type(), ConstantValues.sqlOf(column.defaultValue())), k -> new String[] {
                            SHARED + (sharedColumns.size() / SHARED_WIDTH), "d" + (sharedColumns.size() % SHARED_WIDTH)
                        });
            }
        }
        return sharedColumns;
    }

    /** Creates the scratch tables in a transaction that is rolled back, and reads back what PostgreSQL printed for them. */
    private static PrintedForms printBack(
            Connection connection,
            Schema schema,
            List<Table> own,
            Map<List<String>, String[]> sharedColumns,
            List<Table> involved) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL jit = off");
                List<String> prelude = new ArrayList<>(missingTypesAndSequences(st, schema));
                prelude.add(CatalogPath.CATALOG_FIRST);
                Map<Table, ForeignCode.Found> foreign = ForeignCode.find(connection, st, own, prelude);
                createScratchTables(
                        connection,
                        st,
                        prelude,
                        !foreign.isEmpty(),
                        own,
                        sharedStatements(sharedColumns),
                        involved,
                        foreign);
                PrintedForms printed = PrintedForms.read(st);
                for (int i = 0; i < own.size(); i++)
                    printed.add(PREFIX + i, foreign.getOrDefault(own.get(i), ForeignCode.Found.NONE));
                return printed;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RetortException(
                    "reading check constraints and defaults back from PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces each column whose type is a whole definition by what PostgreSQL made of it: the
     * type, NOT NULL when either the definition or the mapping asks for it, and the definition's
     * default (its canonical form follows in the next round).
     */
    private static Table resolveDefinitions(Table table, Map<String, Column> printed) {
        if (table.columns().stream().noneMatch(ExpressionCanonicalizer::isDefinition)) return table;
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            Column made = printed.get(column.name());
            if (!isDefinition(column) || made == null) {
                columns.add(column);
                continue;
            }
            ColumnDefault value = made.defaultValue() != null ? made.defaultValue() : column.defaultValue();
            ColumnDefault generation = made.generated() != null ? made.generated() : column.generated();
            columns.add(new Column(
                    column.name(),
                    made.type(),
                    column.nullable() && made.nullable(),
                    column.identity(),
                    column.identity() == Identity.NONE && generation == null ? value : null,
                    column.comment(),
                    generation,
                    made.collation() != null ? made.collation() : column.collation(),
                    column.identityOptions()));
        }
        return new Table(
                table.name(),
                columns,
                table.primaryKey(),
                table.uniques(),
                table.foreignKeys(),
                table.checks(),
                table.indexes(),
                table.comment());
    }

    private static Table rewrite(Table table, String scratch, PrintedForms printed) {
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            ColumnDefault value = column.defaultValue();
            String canonical = printed.defaultOf(scratch, column.name());
            Column next = value == null ? column : column.withDefault(new ColumnDefault(value.expression(), canonical));
            String generation = printed.generatedOf(scratch, column.name());
            if (column.generated() != null && generation != null) {
                next = next.withGenerated(new ColumnDefault(column.generated().expression(), generation));
            }
            columns.add(next);
        }
        List<String> checks = printed.checks(scratch);
        List<CheckConstraint> canonicalChecks = new ArrayList<>();
        for (int j = 0; j < table.checks().size(); j++)
            canonicalChecks.add(table.checks().get(j).withCanonical(checks.get(j)));
        List<Index> indexes = new ArrayList<>();
        for (int j = 0; j < table.indexes().size(); j++) {
            Index index = table.indexes().get(j);
            List<String> keysPrinted = printed.indexKeys(scratch + "_i" + j);
            if (keysPrinted == null) {
                indexes.add(index);
                continue;
            }
            List<Index.Key> keys = new ArrayList<>();
            for (int k = 0; k < index.keys().size(); k++) {
                Index.Key key = index.keys().get(k);
                keys.add(new Index.Key(keysPrinted.get(k), key.descending(), key.nullsFirst(), key.opclass()));
            }
            indexes.add(index.withKeys(keys).where(printed.indexPredicate(scratch + "_i" + j)));
        }
        return new Table(
                table.name(),
                columns,
                table.primaryKey(),
                table.uniques(),
                table.foreignKeys(),
                canonicalChecks,
                indexes,
                table.comment());
    }

    /** Whether a table's expressions need its own scratch table: checks, generation expressions and indexes name its columns. */
    private static boolean needsOwnTable(Table table) {
        return !table.checks().isEmpty()
                || table.indexes().stream().anyMatch(ExpressionCanonicalizer::hasExpressions)
                || table.columns().stream().anyMatch(c -> c.generated() != null || isDefinition(c));
    }

    /** The wide scratch tables holding the distinct defaults of tables that need no table of their own. */
    private static List<String> sharedStatements(Map<List<String>, String[]> sharedColumns) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        sharedColumns.forEach((typeAndDefault, at) -> columns.computeIfAbsent(at[0], k -> new ArrayList<>())
                .add(at[1] + " " + typeAndDefault.get(0) + " DEFAULT " + typeAndDefault.get(1)));
        List<String> statements = new ArrayList<>();
        columns.forEach((table, definitions) -> statements.add("CREATE TEMPORARY TABLE pg_temp." + table + " ("
                + String.join(", ", definitions) + ") ON COMMIT DROP"));
        return statements;
    }

    /**
     * Creates the shared scratch tables and a temporary table per table that needs one, all in one round trip, after the
     * prelude (the missing enum types and sequences, the search path) unless {@link ForeignCode} already ran it (the path
     * is computed from the session's, so it runs once per transaction); when
     * PostgreSQL rejects something, again one table at a time, each with its own scratch table, to name the table at fault.
     */
    private static void createScratchTables(
            Connection connection,
            Statement st,
            List<String> prelude,
            boolean preludeRan,
            List<Table> own,
            List<String> shared,
            List<Table> involved,
            Map<Table, ForeignCode.Found> foreign)
            throws SQLException {
        List<String> all = new ArrayList<>(preludeRan ? List.of() : prelude);
        all.addAll(shared);
        for (int i = 0; i < own.size(); i++)
            all.addAll(scratchTable(PREFIX + i, own.get(i), foreign.getOrDefault(own.get(i), ForeignCode.Found.NONE)));
        try {
            st.execute(String.join(";\n", all));
            return;
        } catch (SQLException batch) {
            connection.rollback();
            st.execute("SET LOCAL jit = off");
            for (String sql : prelude) st.execute(sql);
            for (int i = 0; i < involved.size(); i++) {
                try {
                    for (String sql : scratchTable(
                            PREFIX + i,
                            involved.get(i),
                            foreign.getOrDefault(involved.get(i), ForeignCode.Found.NONE))) {
                        st.execute(sql);
                    }
                } catch (SQLException e) {
                    throw rejected(involved.get(i), e);
                }
            }
            throw batch;
        }
    }

    /** The error naming a table whose check constraint, default or index PostgreSQL rejects. */
    static RetortException rejected(Table table, SQLException e) {
        return new RetortException(
                "table " + table.name() + ": PostgreSQL rejects a check constraint, default or index: "
                        + e.getMessage().replaceAll("\\s*\\n\\s*", " "),
                e);
    }

    /**
     * The statements creating the enum types and sequences the schema has and the database not yet,
     * so columns can have those types and defaults can call {@code nextval} on them (all rolled back).
     */
    private static List<String> missingTypesAndSequences(Statement st, Schema schema) throws SQLException {
        if (schema.enums().isEmpty() && schema.sequences().isEmpty()) return List.of();
        List<String> probes = new ArrayList<>();
        for (EnumType type : schema.enums())
            probes.add("pg_catalog.to_regtype(" + PostgresSql.literal(PostgresSql.table(type.name())) + ") IS NULL");
        for (Sequence sequence : schema.sequences()) {
            probes.add(
                    "pg_catalog.to_regclass(" + PostgresSql.literal(PostgresSql.table(sequence.name())) + ") IS NULL");
        }
        List<String> statements = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT ARRAY[" + String.join(", ", probes) + "]")) {
            rs.next();
            Boolean[] missing = (Boolean[]) rs.getArray(1).getArray();
            int k = 0;
            for (EnumType type : schema.enums())
                if (missing[k++]) statements.addAll(PostgresSql.statements(new CreateEnum(type)));
            for (Sequence sequence : schema.sequences()) {
                if (missing[k++])
                    statements.addAll(PostgresSql.statements(new CreateSequence(sequence.withoutOwner())));
            }
        }
        return statements;
    }

    /**
     * A temporary table with the table's columns, their defaults, and its checks named c0, c1, ... in order; then its
     * expression indexes. Generated columns and indexes with foreign code are left out (a generated column as a plain
     * column): their canonical forms come from {@link ForeignCode}'s probe.
     */
    private static List<String> scratchTable(String scratch, Table table, ForeignCode.Found foreign) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            String definition = PostgresSql.quote(column.name()) + " " + column.type();
            if (!isDefinition(column)) {
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
            parts.add("CONSTRAINT c" + j + " CHECK (" + table.checks().get(j).key() + ")");
        List<String> statements = new ArrayList<>();
        statements.add(
                "CREATE TEMPORARY TABLE pg_temp." + scratch + " (" + String.join(", ", parts) + ") ON COMMIT DROP");
        for (int j = 0; j < table.indexes().size(); j++) {
            Index index = table.indexes().get(j);
            if (!hasExpressions(index) || foreign.has(j)) continue;
            Index probe =
                    new Index(scratch + "_i" + j, index.keys(), false, index.method(), List.of(), index.where(), false);
            statements.addAll(PostgresSql.statements(new CreateIndex(new TableName("pg_temp", scratch), probe)));
        }
        return statements;
    }
}
