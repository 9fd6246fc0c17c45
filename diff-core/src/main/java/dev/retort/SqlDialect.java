package dev.retort;

import dev.retort.op.ColumnChange;
import dev.retort.op.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * How one database spells operations as SQL: the seam between the shared model and a database's
 * renderer ({@code PostgresSql.DIALECT} in {@code postgres}, {@code MariaDbSql.DIALECT} in
 * {@code mariadb}). What a database cannot do is refused by its renderer with an
 * {@link UnsupportedOnDialect}, never dropped.
 */
public interface SqlDialect {
    Dialect dialect();

    /** The statements that perform one operation, in order. */
    List<String> statements(Op op);

    /** One table's consecutive column changes as the fewest statements the database allows. */
    List<String> alterTable(List<? extends ColumnChange> changes);

    /**
     * This renderer for the operations of one migration's direction, all of them given: one that renders an
     * operation by what the others around it say (MariaDB's safe {@code SET NOT NULL}) returns a renderer that knows
     * them; by default this one.
     */
    default SqlDialect within(List<Op> ops) {
        return this;
    }

    /** Whether an operation must run outside a transaction (a concurrent index build or drop). */
    boolean outsideTransaction(Op op);

    /** Whether DDL statements can be rolled back with the transaction they ran in. */
    boolean transactionalDdl();

    /** An identifier quoted, safe whatever it holds. */
    String quote(String identifier);

    /** A string literal, safe whatever it holds. */
    String literal(String value);

    /** Text for a {@code --} comment: one line, no control, escape sequence or bidi character. */
    default String comment(String text) {
        return VisibleText.of(text, false);
    }

    /** Operations in order, each table's consecutive column changes combined ({@link ColumnChange#runs}). */
    default List<String> statements(List<Op> ops) {
        List<String> statements = new ArrayList<>();
        for (List<Op> run : ColumnChange.runs(ops)) {
            if (run.size() == 1) statements.addAll(statements(run.get(0)));
            else
                statements.addAll(
                        alterTable(run.stream().map(ColumnChange.class::cast).toList()));
        }
        return statements;
    }

    /** An operation, or one of its parts, that a database has no form for, named with the database. */
    final class UnsupportedOnDialect extends RetortException {
        private final Dialect dialect;

        public UnsupportedOnDialect(Dialect dialect, String what) {
            super(dialect + " has no " + what);
            this.dialect = dialect;
        }

        public Dialect dialect() {
            return dialect;
        }
    }
}
