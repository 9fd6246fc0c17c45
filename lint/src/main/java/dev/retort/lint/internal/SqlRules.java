package dev.retort.lint.internal;

import dev.retort.lint.Rule;
import dev.retort.runtime.Step;
import dev.retort.runtime.Waiver;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Types;
import java.util.List;

/**
 * The rules over one hand-written statement of a migration, read by {@link SqlReader} (or {@link MariaDbReader}), in
 * the walk's state; {@code statementVariables} those a MariaDB {@code SET STATEMENT ... FOR} gives the statement.
 */
record SqlRules(
        MigrationWalk walk,
        Step step,
        List<Waiver> waivers,
        boolean inTransaction,
        List<String> statementVariables,
        List<String> statementOff) {
    SqlRules(MigrationWalk walk, Step step, List<Waiver> waivers, boolean inTransaction) {
        this(walk, step, waivers, inTransaction, List.of(), List.of());
    }

    private static final String FOREIGN_KEY_CHECKS = "foreign_key_checks";

    /** Whether {@code foreign_key_checks} is off for this statement: by its {@code SET STATEMENT}, else the session's. */
    boolean foreignKeyChecksOff() {
        return statementVariables.contains(FOREIGN_KEY_CHECKS)
                ? statementOff.contains(FOREIGN_KEY_CHECKS)
                : walk.foreignKeyChecksOff;
    }

    void hit(Rule rule, String message) {
        walk.hit(rule, message, step, waivers);
    }

    /** The walk's {@link MigrationWalk#locks}, but for a statement that sets its own lock_wait_timeout. */
    private void locks(QualifiedName table) {
        if (!statementVariables.contains("lock_wait_timeout")) walk.locks(table, step, waivers);
    }

    void statement(SqlStatement statement) {
        if (statement instanceof SqlStatement.TransactionControl t) {
            hit(
                    Rule.TRANSACTION_CONTROL,
                    t.words() + " in op.execute ends or splits the migration's"
                            + " transaction, which the runner manages");
        } else if (statement instanceof SqlStatement.Set s) {
            if (s.names().contains(walk.mariaDb() ? "lock_wait_timeout" : "lock_timeout")) walk.lockTimeoutSet = true;
            if (s.names().contains(FOREIGN_KEY_CHECKS))
                walk.foreignKeyChecksOff = s.off().contains(FOREIGN_KEY_CHECKS);
        } else if (statement instanceof SqlStatement.ForStatement f) {
            new SqlRules(walk, step, waivers, inTransaction, f.names(), f.off()).statement(f.statement());
        } else if (statement instanceof SqlStatement.CreateTable c) {
            walk.created.add(c.table());
            walk.state.create(c.table(), List.of());
        } else if (statement instanceof SqlStatement.CreateIndex c) {
            createIndex(c);
        } else if (statement instanceof SqlStatement.DropIndex d) {
            dropIndex(d);
        } else if (statement instanceof SqlStatement.Reindex r) {
            if (r.concurrently() && inTransaction) concurrentInTransaction("REINDEX CONCURRENTLY");
        } else if (statement instanceof SqlStatement.AlterTable a) {
            for (SqlStatement.Action action : a.actions()) {
                if (walk.mariaDb()) MariaDbSqlRules.action(this, a.table(), action, a.online());
                else action(a.table(), action);
            }
            locks(a.table());
        } else if (statement instanceof SqlStatement.Drop d) {
            for (QualifiedName name : d.names()) {
                walk.acknowledged(
                        "drops " + d.kind() + " " + MigrationWalk.shown(name) + " and what it holds", step, waivers);
                if (d.kind().equals("table")) walk.state.drop(name);
            }
        } else if (statement instanceof SqlStatement.Update u) {
            walk.updates.put(step, u.table());
            walk.updateWaivers.put(step, waivers);
        } else if (statement instanceof SqlStatement.Unparsed u) {
            hit(Rule.UNPARSED_SQL, "op.execute statement not read: " + u.reason() + "; no rule checked it");
            walk.state.keys().forgetKeys();
        }
    }

    void concurrentInTransaction(String what) {
        hit(
                Rule.CONCURRENT_IN_TRANSACTION,
                what + " in op.execute outside op.autocommit: PostgreSQL refuses it"
                        + " inside the migration's transaction");
    }

    void createIndex(SqlStatement.CreateIndex c) {
        walk.state.index(c.name(), c.table());
        if (walk.mariaDb()) {
            if (!walk.existing(c.table())) return;
            if (!c.concurrently())
                hit(
                        Rule.NON_CONCURRENT_INDEX,
                        "CREATE "
                                + MariaDbOpRules.createIndex(
                                        walk,
                                        c.method(),
                                        " on existing table " + MigrationWalk.shown(c.table()),
                                        MariaDbOpRules.SQL_INDEX_FIX)
                                + (c.name().equalsIgnoreCase("concurrently")
                                        ? " (" + walk.server()
                                                + " has no CONCURRENTLY: this names the index \"CONCURRENTLY\")"
                                        : ""));
            locks(c.table());
            return;
        }
        if (c.concurrently()) {
            if (inTransaction) concurrentInTransaction("CREATE INDEX CONCURRENTLY");
            return;
        }
        if (walk.existing(c.table())) {
            hit(
                    Rule.NON_CONCURRENT_INDEX,
                    "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX on existing table "
                            + MigrationWalk.shown(c.table())
                            + " blocks writes while it builds; build it CONCURRENTLY in op.autocommit");
            walk.locks(c.table(), step, waivers);
        }
    }

    void dropIndex(SqlStatement.DropIndex d) {
        if (walk.mariaDb()) {
            if (!walk.existing(d.table())) return;
            // MySQL's DROP INDEX ... ON takes ALGORITHM and LOCK, MariaDB's neither
            if (walk.mySql && !d.concurrently())
                hit(
                        Rule.NON_CONCURRENT_INDEX,
                        "DROP INDEX " + d.indexes().get(0).name() + " ON " + MigrationWalk.shown(d.table())
                                + " does not assert LOCK=NONE, so MySQL may block writes without saying so; add"
                                + " ALGORITHM=INPLACE LOCK=NONE");
            else if (!walk.mySql)
                hit(
                        Rule.NON_CONCURRENT_INDEX,
                        "DROP INDEX " + d.indexes().get(0).name() + " ON " + MigrationWalk.shown(d.table())
                                + " cannot assert LOCK=NONE, so MariaDB may block writes without saying so; write ALTER"
                                + " TABLE ... DROP INDEX ..., ALGORITHM=INPLACE, LOCK=NONE");
            locks(d.table());
            return;
        }
        if (d.concurrently()) {
            if (inTransaction) concurrentInTransaction("DROP INDEX CONCURRENTLY");
            return;
        }
        for (QualifiedName index : d.indexes()) {
            QualifiedName table = walk.state.indexTable(index.name());
            if (table != null && walk.created.contains(table)) continue;
            hit(
                    Rule.NON_CONCURRENT_INDEX,
                    "DROP INDEX " + MigrationWalk.shown(index) + " takes an ACCESS EXCLUSIVE lock on "
                            + (table == null ? "its table" : "existing table " + MigrationWalk.shown(table))
                            + "; drop it CONCURRENTLY in op.autocommit");
            if (table != null) walk.locks(table, step, waivers);
        }
    }

    void action(QualifiedName table, SqlStatement.Action action) {
        SchemaState.TableState known = walk.state.table(table);
        if (action instanceof SqlStatement.Action.ValidateConstraint v) {
            walk.state.validate(table, v.name());
        } else if (action instanceof SqlStatement.Action.DropConstraint d) {
            walk.state.dropCheck(table, d.name());
        } else if (action instanceof SqlStatement.Action.AddConstraint c && c.notNullOf() != null) {
            walk.state.addNotNullCheck(
                    table,
                    c.name() == null ? "(" + c.notNullOf() + " IS NOT NULL)" : c.name(),
                    c.notNullOf(),
                    !c.notValid());
        } else if (action instanceof SqlStatement.Action.DropColumn d) {
            walk.acknowledged(
                    "drops column " + MigrationWalk.shown(table) + "." + d.column() + " and its data", step, waivers);
            if (known != null) known.columns.remove(d.column());
        }
        if (!walk.existing(table)) return;
        String on = " on existing table " + MigrationWalk.shown(table);
        if (action instanceof SqlStatement.Action.AddColumn a) {
            String where = MigrationWalk.shown(table) + "." + a.column();
            if (a.notNull() && a.defaultValue() == null && !a.generated())
                hit(
                        Rule.NOT_NULL_WITHOUT_DEFAULT,
                        "adds NOT NULL column " + where + " without a default to" + " existing table "
                                + MigrationWalk.shown(table) + ": fails if it has rows");
            String call = a.defaultValue() == null ? null : Volatility.volatileCall(a.defaultValue());
            if (call != null)
                hit(
                        Rule.VOLATILE_DEFAULT,
                        "adds column " + where + " with the volatile default " + call + "(): rewrites existing table "
                                + MigrationWalk.shown(table));
            else if (a.generated())
                hit(
                        Rule.VOLATILE_DEFAULT,
                        "adds generated or identity column " + where + ": rewrites existing table "
                                + MigrationWalk.shown(table));
        } else if (action instanceof SqlStatement.Action.AddConstraint c) {
            if ((c.kind().equals("check") || c.kind().equals("foreign key")) && !c.notValid())
                hit(
                        Rule.CONSTRAINT_WITHOUT_NOT_VALID,
                        "ADD " + c.kind().toUpperCase() + on + " checks every"
                                + " row while writes wait; add it NOT VALID and VALIDATE it in a later step");
            if ((c.kind().equals("unique") || c.kind().equals("primary key")) && !c.usingIndex())
                hit(
                        Rule.UNIQUE_UNDER_LOCK,
                        "ADD " + c.kind().toUpperCase() + on + " builds its index while"
                                + " writes wait; build a unique index CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX");
        } else if (action instanceof SqlStatement.Action.SetNotNull s) {
            walk.setNotNull(table, s.column(), step, waivers);
        } else if (action instanceof SqlStatement.Action.AlterType t) {
            Column column = known == null ? null : known.columns.get(t.column());
            if (column == null) {
                hit(
                        Rule.REWRITING_TYPE_CHANGE,
                        "ALTER COLUMN " + t.column() + " TYPE " + t.type() + on
                                + ": the column's type before is not known to lint, so it may rewrite the table");
            } else {
                Types.Change change = Types.classify(column.type(), t.type());
                if (change != Types.Change.NONE && change != Types.Change.WIDENING_IN_PLACE)
                    hit(
                            Rule.REWRITING_TYPE_CHANGE,
                            "type " + column.type() + " -> " + t.type() + " of "
                                    + MigrationWalk.shown(table) + "." + t.column() + " rewrites existing table "
                                    + MigrationWalk.shown(table)
                                    + " under an ACCESS EXCLUSIVE lock");
                known.columns.put(t.column(), column.withType(t.type()));
            }
        } else if (action instanceof SqlStatement.Action.Rename r) {
            hit(
                    Rule.RENAME,
                    "renames " + r.kind() + (r.from() == null ? " " + MigrationWalk.shown(table) : " " + r.from())
                            + " to " + r.to() + ": the running application still uses the old name");
            if (r.kind().equals("table")) walk.state.rename(table, r.to());
        }
    }
}
