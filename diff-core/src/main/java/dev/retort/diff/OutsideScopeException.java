package dev.retort.diff;

import dev.retort.RetortException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;

/**
 * A plan refused because it would drop or create a table in place of one that the other side has
 * outside Retort's scope (a partition, a partitioned table, an inheritance child): dropping the
 * plain table would lose its rows, creating it would fail or shadow the other. Keeps the table, what
 * it is on the other side and whether the plan would drop it.
 */
public final class OutsideScopeException extends RetortException {
    private final QualifiedName table;
    private final String outside;
    private final boolean drops;

    OutsideScopeException(QualifiedName table, String outside, boolean drops) {
        super("table " + table + " is " + outside + (drops ? " in the target" : " where the plan starts")
                + ", and Retort leaves partitions, partitioned tables and inheritance children alone: refusing a plan"
                + (drops
                        ? " that would drop the plain table " + table + " and its rows"
                        : " that would create table " + table + " in its place"));
        this.table = table;
        this.outside = outside;
        this.drops = drops;
    }

    /** Refuses the plan from {@code current} to {@code target} when it would drop or create such a table. */
    static void check(Schema current, Schema target) {
        for (Table table : target.tables()) {
            String outside = current.outsideScope().get(table.name());
            if (outside != null) throw new OutsideScopeException(table.name(), outside, false);
        }
        for (Table table : current.tables()) {
            String outside = target.outsideScope().get(table.name());
            if (outside != null) throw new OutsideScopeException(table.name(), outside, true);
        }
    }

    public QualifiedName table() {
        return table;
    }

    /** What the table is on the other side: {@code "a partition of measurements"}. */
    public String outside() {
        return outside;
    }

    /** Whether the plan would drop the plain table (or else create one). */
    public boolean drops() {
        return drops;
    }
}
