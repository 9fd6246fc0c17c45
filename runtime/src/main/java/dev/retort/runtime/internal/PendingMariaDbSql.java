package dev.retort.runtime.internal;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.op.ColumnChange;
import dev.retort.op.Op;
import java.util.List;

/**
 * The hook MariaDB's SQL renderer plugs into ({@code MariaDbSql.DIALECT} in {@code mariadb}, replacing this in
 * {@link MariaDbRunner#SQL}): until then operations are refused, naming the way that works (hand-written SQL
 * through {@code op.execute}), and only names and literals are quoted.
 */
final class PendingMariaDbSql implements SqlDialect {
    static final PendingMariaDbSql INSTANCE = new PendingMariaDbSql();

    private PendingMariaDbSql() {}

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public List<String> statements(Op op) {
        throw refused(op.getClass().getSimpleName());
    }

    @Override
    public List<String> alterTable(List<? extends ColumnChange> changes) {
        throw refused("op.alterTable");
    }

    private static UnsupportedOnDialect refused(String what) {
        return new UnsupportedOnDialect(
                Dialect.MARIADB,
                "SQL renderer in this build for " + what + ": write the step as hand-written SQL with op.execute(...)");
    }

    @Override
    public boolean outsideTransaction(Op op) {
        return false;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** A backquoted name, backquotes doubled. */
    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** A quoted string, quotes doubled and backslashes escaped (as MariaDB reads them unless NO_BACKSLASH_ESCAPES). */
    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''").replace("\0", "\\0") + "'";
    }
}
