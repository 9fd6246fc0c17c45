package dev.retort.postgres;

import dev.retort.schema.BoundedMemo;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
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
 * <p>Each round builds its scratch tables ({@link ScratchTables}), creates them in a transaction that is rolled back
 * ({@link ScratchTransaction}), reads back what PostgreSQL printed for them ({@link PrintedForms}) and rewrites each
 * table in its printed forms ({@link PrintedTable}).
 *
 * <p>None of the database's own code runs meanwhile: constants are evaluated only in pg_catalog's base
 * types, with domains stripped ({@link ConstantValues}); generated columns and indexes that would run a function while being
 * created are only parsed, in CHECK constraints ({@link ForeignCode}); tables whose literals would run a
 * domain's check while being parsed are left out ({@link CheckedInput}) and compared as printed. Every
 * statement runs under a search path that puts pg_catalog first ({@link CatalogPath}).
 */
public final class ExpressionCanonicalizer {
    private static final int MAX_ROUNDS = 4;

    private ExpressionCanonicalizer() {}

    public static Schema canonicalize(Connection connection, Schema schema) {
        if (schema.tables().stream().noneMatch(ExpressionCanonicalizer::hasExpressions)) return schema;
        CheckedInput checkedInput;
        try {
            checkedInput = CheckedInput.read(connection);
        } catch (SQLException e) {
            throw CatalogException.failed("reading the database's domains and the types that hold them", e);
        }
        // a table is settled once a round would send PostgreSQL what it sent last time: the answer cannot change
        Set<QualifiedName> settled = new HashSet<>();
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

    static boolean hasExpressions(Table table) {
        return !table.checks().isEmpty()
                || table.columns().stream()
                        .anyMatch(c -> c.defaultValue() != null || c.generated() != null || isDefinition(c))
                || table.indexes().stream().anyMatch(ExpressionCanonicalizer::hasExpressions);
    }

    static boolean hasExpressions(Index index) {
        return index.where() != null || index.keys().stream().anyMatch(Index.Key::isExpression);
    }

    /**
     * One round: build the scratch tables of the tables not yet settled, execute them and read back what PostgreSQL
     * printed in a transaction that is rolled back, and rewrite each table with its printed forms.
     */
    private static Schema round(
            Connection connection, Schema schema, Set<QualifiedName> settled, CheckedInput checkedInput) {
        List<Table> involved = checkedInput.without(schema.tables().stream()
                .filter(t -> !settled.contains(t.name()) && hasExpressions(t))
                .toList());
        if (involved.isEmpty()) return schema;
        ScratchTables scratch = ScratchTables.of(involved);
        return rewrite(schema, ScratchTransaction.printBack(connection, schema, scratch));
    }

    /** The schema with each table PostgreSQL printed back rewritten in its printed forms. */
    private static Schema rewrite(Schema schema, Map<Table, PrintedTable> printed) {
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables()) {
            PrintedTable forms = printed.get(table);
            tables.add(forms == null ? table : forms.rewrite(table));
        }
        return schema.with(tables, schema.sequences(), schema.enums());
    }

    /** The error naming a table whose check constraint, default or index PostgreSQL rejects. */
    static CatalogException rejected(Table table, SQLException e) {
        return new CatalogException(
                "table " + table.name() + ": PostgreSQL rejects a check constraint, default or index: "
                        + e.getMessage().replaceAll("\\s*\\n\\s*", " "),
                "having PostgreSQL print a check constraint, default or index back",
                table.name(),
                e);
    }
}
