package dev.retort.postgres;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL printed back in one round for one table of the schema, by its own column names and the positions of
 * its checks and indexes: what it made of the columns whose type is a whole definition (and the checks they declare,
 * named as PostgreSQL names them on the table itself), each default's canonical form
 * (its value when it is a constant), the generation expressions, the checks in order and the expression indexes.
 */
record PrintedTable(
        Map<String, Column> made,
        List<CheckConstraint> declaredChecks,
        Map<String, String> defaults,
        Map<String, String> generated,
        List<String> checks,
        Map<Integer, PrintedIndex> indexes) {
    /** An expression index's keys as printed (a column's name, or an expression in parentheses) and its predicate. */
    record PrintedIndex(List<String> keys, String where) {
        PrintedIndex {
            keys = List.copyOf(keys);
        }
    }

    PrintedTable {
        made = Map.copyOf(made);
        declaredChecks = List.copyOf(declaredChecks);
        defaults = Map.copyOf(defaults);
        generated = Map.copyOf(generated);
        checks = Collections.unmodifiableList(new ArrayList<>(checks)); // as printed: null where none was
        indexes = Map.copyOf(indexes);
    }

    /** Only defaults: a table that shares the wide scratch tables. */
    static PrintedTable ofDefaults(Map<String, String> defaults) {
        return new PrintedTable(Map.of(), List.of(), defaults, Map.of(), List.of(), Map.of());
    }

    /** The table with its definitions resolved and the canonical forms of its expressions. */
    Table rewrite(Table table) {
        Table resolved = resolveDefinitions(table);
        List<Column> columns = new ArrayList<>();
        for (Column column : resolved.columns()) columns.add(canonical(column));
        List<CheckConstraint> canonicalChecks = new ArrayList<>();
        for (int j = 0; j < resolved.checks().size(); j++)
            // a check a definition declared has no printed form before the next round
            canonicalChecks.add(resolved.checks().get(j).withCanonical(j < checks.size() ? checks.get(j) : null));
        List<Index> canonicalIndexes = new ArrayList<>();
        for (int j = 0; j < resolved.indexes().size(); j++)
            canonicalIndexes.add(canonical(resolved.indexes().get(j), indexes.get(j)));
        return new Table(
                resolved.name(),
                columns,
                resolved.primaryKey(),
                resolved.uniques(),
                resolved.foreignKeys(),
                canonicalChecks,
                canonicalIndexes,
                resolved.comment(),
                resolved.unlogged());
    }

    private Column canonical(Column column) {
        ColumnDefault value = column.defaultValue();
        String canonical = defaults.get(column.name());
        Column next = value == null ? column : column.withDefault(new ColumnDefault(value.expression(), canonical));
        String generation = generated.get(column.name());
        if (column.generated() != null && generation != null) {
            next = next.withGenerated(new ColumnDefault(column.generated().expression(), generation));
        }
        return next;
    }

    private static Index canonical(Index index, PrintedIndex printed) {
        if (printed == null) return index;
        List<Index.Key> keys = new ArrayList<>();
        for (int k = 0; k < index.keys().size(); k++) {
            Index.Key key = index.keys().get(k);
            keys.add(new Index.Key(printed.keys().get(k), key.descending(), key.nullsFirst(), key.opclass()));
        }
        return index.withKeys(keys).where(printed.where());
    }

    /**
     * Replaces each column whose type is a whole definition by what PostgreSQL made of it: the
     * type, NOT NULL when either the definition or the mapping asks for it, and the definition's
     * default and checks (their canonical forms follow in the next round).
     */
    private Table resolveDefinitions(Table table) {
        if (table.columns().stream().noneMatch(ExpressionCanonicalizer::isDefinition)) return table;
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            Column madeOf = made.get(column.name());
            if (!ExpressionCanonicalizer.isDefinition(column) || madeOf == null) {
                columns.add(column);
                continue;
            }
            ColumnDefault value = madeOf.defaultValue() != null ? madeOf.defaultValue() : column.defaultValue();
            ColumnDefault generation = madeOf.generated() != null ? madeOf.generated() : column.generated();
            columns.add(column.withType(madeOf.sqlType())
                    .withNullable(column.nullable() && madeOf.nullable())
                    .withDefault(column.identity() == Identity.NONE && generation == null ? value : null)
                    .withGenerated(generation)
                    .collate(madeOf.collation() != null ? madeOf.collation() : column.collation()));
        }
        return new Table(
                table.name(),
                columns,
                table.primaryKey(),
                table.uniques(),
                table.foreignKeys(),
                checks(table),
                table.indexes(),
                table.comment(),
                table.unlogged());
    }

    /** The table's checks, then those the definitions declared that it does not have yet. */
    private List<CheckConstraint> checks(Table table) {
        List<CheckConstraint> all = new ArrayList<>(table.checks());
        for (CheckConstraint declared : declaredChecks) {
            if (all.stream().noneMatch(c -> declared.name().equals(c.name()))) all.add(declared);
        }
        return all;
    }
}
