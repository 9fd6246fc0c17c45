package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

import dev.retort.op.Op;
import java.util.List;

/** One thing a migration asked for: a schema operation, hand-written SQL, or an autocommit block. */
public sealed interface Step {
    /** A schema operation, the same record the differ produces. */
    record Change(Op op) implements Step {
        public Change {
            requireNonNull(op, "op");
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
