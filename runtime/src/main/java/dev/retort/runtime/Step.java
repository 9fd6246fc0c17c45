package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

import dev.retort.op.ColumnChange;
import dev.retort.op.Op;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * One thing a migration asked for: a schema operation, one table's column changes run as one
 * statement, hand-written SQL, or an autocommit block.
 */
public sealed interface Step {
    /** A schema operation, the same record the differ produces. */
    record Change(Op op) implements Step {
        public Change {
            requireNonNull(op, "op");
        }
    }

    /** Column changes of one table, in order, run as one {@code ALTER TABLE} ({@code op.alterTable}). */
    record ColumnChanges(QualifiedName table, List<ColumnChange> changes) implements Step {
        public ColumnChanges {
            requireNonNull(table, "table");
            changes = List.copyOf(changes);
            if (changes.isEmpty()) throw new IllegalArgumentException("alter table " + table + " changes nothing");
            for (ColumnChange change : changes) {
                if (!change.table().equals(table))
                    throw new IllegalArgumentException(
                            "alter table " + table + " cannot hold a change of " + change.table());
            }
        }
    }

    /** A statement the generator does not produce: a data fix, a backfill. */
    record Sql(String sql) implements Step {
        public Sql {
            requireNonNull(sql, "sql");
            if (sql.isBlank()) throw new IllegalArgumentException("empty SQL statement");
        }
    }

    /** Steps that PostgreSQL refuses inside a transaction, run one by one in autocommit. */
    record Autocommit(List<Step> steps) implements Step {
        public Autocommit {
            steps = List.copyOf(steps);
            if (steps.stream().anyMatch(s -> s instanceof Autocommit)) {
                throw new IllegalArgumentException("autocommit blocks do not nest");
            }
        }
    }
}
