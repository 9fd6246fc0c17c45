package dev.retort.postgres;

import dev.retort.RetortException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that columns whose type is a whole definition ({@code columnDefinition}, {@code options}) declare, as
 * PostgreSQL would create them on the table itself: an unnamed one named {@code <table>_<column>_check} (then
 * {@code _check1}, ...), a named one keeping its name. A key or foreign key declared there is refused: the model holds
 * those as keys of their own.
 */
final class DeclaredChecks {
    /** How many checks one column's definition may declare and still be named as PostgreSQL names them. */
    private static final int MAX_PER_COLUMN = 10;

    private DeclaredChecks() {}

    static List<CheckConstraint> of(
            Table table, String scratch, Map<String, PrintedForms.DeclaredConstraint> declared) {
        if (declared.isEmpty()) return List.of();
        Map<String, String> realNames = realNames(table, scratch);
        List<CheckConstraint> checks = new ArrayList<>();
        declared.forEach((name, constraint) -> {
            if (!constraint.kind().equals("c")) throw refused(table, constraint);
            checks.add(CheckConstraint.of(CatalogConstraints.checkExpression(constraint.definition()))
                    .named(realNames.getOrDefault(name, name)));
        });
        return checks;
    }

    /** The scratch table's default check names of the definition columns, with the names they have on the table. */
    private static Map<String, String> realNames(Table table, String scratch) {
        Map<String, String> names = new HashMap<>();
        for (Column column : table.columns()) {
            if (!ExpressionCanonicalizer.isDefinition(column)) continue;
            for (int pass = 0; pass < MAX_PER_COLUMN; pass++) {
                String label = pass == 0 ? "check" : "check" + pass;
                names.put(
                        DefaultNames.of(scratch, column.name(), label),
                        DefaultNames.of(table.name().name(), column.name(), label));
            }
        }
        return names;
    }

    private static RetortException refused(Table table, PrintedForms.DeclaredConstraint constraint) {
        String what = switch (constraint.kind()) {
            case "u" -> "a unique constraint";
            case "p" -> "a primary key";
            case "f" -> "a foreign key";
            default -> "an exclusion constraint";
        };
        return new RetortException("table " + table.name() + ": a column's columnDefinition or options declares " + what
                + " (" + VisibleExpression.of(constraint.definition()) + "), which Retort cannot model there; map it"
                + " with @Column(unique = true), @UniqueConstraint, @Id or a relationship instead");
    }
}
