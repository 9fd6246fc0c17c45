package dev.retort.lint.internal;

import dev.retort.lint.Rule;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropEnum;
import dev.retort.op.DropIndex;
import dev.retort.op.DropType;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Step;
import dev.retort.runtime.Waiver;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One direction of one migration walked step by step against the tables that exist before it: the rules applied to
 * each operation and each hand-written statement, the state updated as the migration would update it.
 */
public final class MigrationWalk {
    /** The rules a downgrade is read for: what would make it fail or break the runner's transaction. */
    public static final Set<Rule> DOWNGRADE_RULES =
            Set.of(Rule.TRANSACTION_CONTROL, Rule.CONCURRENT_IN_TRANSACTION, Rule.IDENTIFIER_TOO_LONG);

    private final SchemaState state;
    private final String defaultSchema;
    private final boolean lockTimeoutConfigured;
    private final Set<QualifiedName> created = new HashSet<>();
    private final Set<QualifiedName> altered = new HashSet<>();
    private final Map<Step, QualifiedName> updates = new LinkedHashMap<>();
    private final Map<Step, List<Waiver>> updateWaivers = new LinkedHashMap<>();
    private final List<Hit> hits = new ArrayList<>();
    private boolean lockTimeoutSet;
    private boolean lockTimeoutReported;
    private Ops ops;

    private MigrationWalk(SchemaState state, String defaultSchema, boolean lockTimeoutConfigured) {
        this.state = state;
        this.defaultSchema = defaultSchema;
        this.lockTimeoutConfigured = lockTimeoutConfigured;
    }

    /** Walks the steps the recorder holds, updating {@code state}; the hits in the order of the steps. */
    public static List<Hit> walk(Ops recorded, SchemaState state, String defaultSchema, boolean lockTimeoutConfigured) {
        MigrationWalk walk = new MigrationWalk(state, defaultSchema, lockTimeoutConfigured);
        walk.ops = recorded;
        for (Step step : recorded.steps()) walk.step(step, List.of(), true);
        walk.backfills();
        return List.copyOf(walk.hits);
    }

    /** Applies a migration's steps to the state without reading them: the history before the migration linted. */
    public static void replay(Ops recorded, SchemaState state, String defaultSchema) {
        walk(recorded, state, defaultSchema, true);
    }

    private void step(Step step, List<Waiver> enclosing, boolean inTransaction) {
        List<Waiver> waivers = new ArrayList<>(enclosing);
        waivers.addAll(ops.waivers(step));
        if (step instanceof Step.Autocommit a) {
            for (Step inner : a.steps()) step(inner, waivers, false);
        } else if (step instanceof Step.Change c) {
            destructive(step, waivers, c.op().hazards(), c.op() instanceof DropEnum || c.op() instanceof DropType);
            op(c.op(), step, waivers);
            state.apply(c.op());
        } else if (step instanceof Step.ColumnChanges c) {
            List<Hazard> hazards = new ArrayList<>();
            for (Op change : c.changes()) hazards.addAll(change.hazards());
            destructive(step, waivers, hazards, false);
            for (Op change : c.changes()) {
                op(change, step, waivers);
                state.apply(change);
            }
        } else if (step instanceof Step.Sql s) {
            sql(s.sql(), step, waivers, inTransaction);
        }
    }

    private void hit(Rule rule, String message, Step step, List<Waiver> waivers) {
        hits.add(new Hit(rule, message, step, waivers));
    }

    /** Whether a table exists before this migration: its lock is someone else's wait. */
    private boolean existing(QualifiedName table) {
        return table != null && state.has(table) && !created.contains(table);
    }

    /** A statement that locks an existing table: the lock timeout must be there first. */
    private void locks(QualifiedName table, Step step, List<Waiver> waivers) {
        altered.add(table);
        if (!existing(table) || lockTimeoutConfigured || lockTimeoutSet || lockTimeoutReported) return;
        lockTimeoutReported = true;
        hit(
                Rule.MISSING_LOCK_TIMEOUT,
                "locks existing table " + shown(table) + " with lock.ddl-timeout = 0 and no SET lock_timeout before it",
                step,
                waivers);
    }

    private void destructive(Step step, List<Waiver> waivers, List<Hazard> hazards, boolean dropsType) {
        String loss = dropsType
                ? "drops a type and what its columns hold"
                : hazards.stream()
                        .filter(h -> h.kind() == Hazard.Kind.DATA_LOSS)
                        .map(Hazard::detail)
                        .findFirst()
                        .orElse(null);
        if (loss != null) acknowledged(loss, step, waivers);
    }

    private void acknowledged(String loss, Step step, List<Waiver> waivers) {
        Waiver acknowledgement = waivers.stream()
                .filter(Waiver::acknowledgesDataLoss)
                .findFirst()
                .orElse(null);
        if (acknowledgement == null) {
            hit(Rule.UNACKNOWLEDGED_DATA_LOSS, loss + ", without op.acknowledgeDataLoss(reason)", step, waivers);
        } else if (acknowledgement.reason().equals(Ops.UNREVIEWED)) {
            hit(
                    Rule.UNREVIEWED_ACKNOWLEDGEMENT,
                    loss + ": acknowledged with Ops.UNREVIEWED, no reason given",
                    step,
                    waivers);
        }
    }

    private void op(Op op, Step step, List<Waiver> waivers) {
        names(op, step, waivers);
        QualifiedName table = op.table();
        if (op instanceof CreateTable) {
            created.add(table);
            return;
        }
        if (!existing(table)) return;
        String on = " on existing table " + shown(table);
        if (op instanceof CreateIndex c) {
            if (!c.options().contains(Option.CONCURRENTLY)) {
                hit(
                        Rule.NON_CONCURRENT_INDEX,
                        "CREATE INDEX" + on + " blocks writes while it builds; build it"
                                + " CONCURRENTLY in op.autocommit",
                        step,
                        waivers);
            } else return;
        } else if (op instanceof DropIndex d) {
            if (!d.options().contains(Option.CONCURRENTLY)) {
                hit(
                        Rule.NON_CONCURRENT_INDEX,
                        "DROP INDEX" + on + " takes an ACCESS EXCLUSIVE lock; drop it"
                                + " CONCURRENTLY in op.autocommit",
                        step,
                        waivers);
            } else return;
        } else if (op instanceof AddForeignKey f) {
            if (!f.options().contains(Option.NOT_VALID) && f.key().valid())
                hit(
                        Rule.CONSTRAINT_WITHOUT_NOT_VALID,
                        "foreign key" + on + " checks every row while writes wait;"
                                + " add it NOT VALID and validate it in a later step",
                        step,
                        waivers);
        } else if (op instanceof AddCheck c) {
            if (c.constraint().valid())
                hit(
                        Rule.CONSTRAINT_WITHOUT_NOT_VALID,
                        "check (" + c.constraint().expression() + ")" + on
                                + " checks every row while writes wait; add it NOT VALID and validate it in a later step",
                        step,
                        waivers);
        } else if (op instanceof AddUnique || op instanceof AddPrimaryKey) {
            hit(
                    Rule.UNIQUE_UNDER_LOCK,
                    (op instanceof AddUnique ? "unique constraint" : "primary key") + on
                            + " builds its index while writes wait; build a unique index CONCURRENTLY, then ADD CONSTRAINT"
                            + " ... USING INDEX",
                    step,
                    waivers);
        } else if (op instanceof AddColumn a) {
            addColumn(a.column(), table, step, waivers);
        } else if (op instanceof AlterColumn a) {
            alterColumn(a, table, step, waivers);
        } else if (op instanceof RenameColumn r) {
            hit(
                    Rule.RENAME,
                    "renames column " + shown(table) + "." + r.from() + " to " + r.to()
                            + ": the running application still uses the old name",
                    step,
                    waivers);
        } else if (op instanceof RenameTable r) {
            hit(
                    Rule.RENAME,
                    "renames table " + shown(table) + " to " + r.to()
                            + ": the running application still uses the old name",
                    step,
                    waivers);
        }
        locks(table, step, waivers);
    }

    private void addColumn(Column column, QualifiedName table, Step step, List<Waiver> waivers) {
        String where = shown(table) + "." + column.name();
        boolean filled =
                column.defaultValue() != null || column.identity() != Identity.NONE || column.generated() != null;
        if (!column.nullable() && !filled)
            hit(
                    Rule.NOT_NULL_WITHOUT_DEFAULT,
                    "adds NOT NULL column " + where + " without a default to existing" + " table " + shown(table)
                            + ": fails if it has rows",
                    step,
                    waivers);
        String volatileCall = column.defaultValue() == null
                ? null
                : Volatility.volatileCall(column.defaultValue().expression());
        if (volatileCall != null)
            hit(
                    Rule.VOLATILE_DEFAULT,
                    "adds column " + where + " with the volatile default " + volatileCall
                            + "(): rewrites existing table " + shown(table),
                    step,
                    waivers);
        else if (column.identity() != Identity.NONE)
            hit(
                    Rule.VOLATILE_DEFAULT,
                    "adds identity column " + where + ": rewrites existing table " + shown(table),
                    step,
                    waivers);
        else if (column.generated() != null)
            hit(
                    Rule.VOLATILE_DEFAULT,
                    "adds generated column " + where + ": rewrites existing table " + shown(table),
                    step,
                    waivers);
    }

    private void alterColumn(AlterColumn a, QualifiedName table, Step step, List<Waiver> waivers) {
        String where = shown(table) + "." + a.to().name();
        if (a.from().nullable() && !a.to().nullable()) setNotNull(table, a.to().name(), step, waivers);
        Types.Change change = Types.classify(a.from().type(), a.to().type());
        if (change != Types.Change.NONE && change != Types.Change.WIDENING_IN_PLACE)
            hit(
                    Rule.REWRITING_TYPE_CHANGE,
                    "type " + a.from().type() + " -> " + a.to().type() + " of " + where + " rewrites existing table "
                            + shown(table) + " under an ACCESS EXCLUSIVE lock",
                    step,
                    waivers);
    }

    private void setNotNull(QualifiedName table, String column, Step step, List<Waiver> waivers) {
        SchemaState.TableState known = state.table(table);
        if (known != null && known.hasValidatedNotNullCheck(column)) return;
        hit(
                Rule.SET_NOT_NULL_SCAN,
                "SET NOT NULL on " + shown(table) + "." + column + " scans existing table "
                        + shown(table) + " under an ACCESS EXCLUSIVE lock; validate a CHECK (" + column
                        + " IS NOT NULL) NOT VALID first",
                step,
                waivers);
    }

    /** The names an operation gives that PostgreSQL would cut. */
    private void names(Op op, Step step, List<Waiver> waivers) {
        List<String> names = new ArrayList<>();
        names.add(op.table().name());
        if (op instanceof CreateTable c) c.definition().columns().forEach(col -> names.add(col.name()));
        if (op instanceof AddColumn a) names.add(a.column().name());
        if (op instanceof RenameColumn r) names.add(r.to());
        if (op instanceof RenameTable r) names.add(r.to());
        if (op instanceof CreateIndex c && c.index().name() != null)
            names.add(c.index().name());
        if (op instanceof AddUnique u && u.constraint().name() != null)
            names.add(u.constraint().name());
        if (op instanceof AddCheck c && c.constraint().name() != null)
            names.add(c.constraint().name());
        if (op instanceof AddForeignKey f && f.key().name() != null)
            names.add(f.key().name());
        if (op instanceof AddPrimaryKey p && p.key().name() != null)
            names.add(p.key().name());
        for (String name : names) tooLong(name, step, waivers);
    }

    private void tooLong(String name, Step step, List<Waiver> waivers) {
        int bytes = DefaultNames.bytes(name);
        if (bytes > DefaultNames.MAX_IDENTIFIER_BYTES)
            hit(
                    Rule.IDENTIFIER_TOO_LONG,
                    "name " + quoted(name) + " is " + bytes + " bytes; PostgreSQL cuts it to "
                            + DefaultNames.MAX_IDENTIFIER_BYTES,
                    step,
                    waivers);
    }

    private void sql(String text, Step step, List<Waiver> waivers, boolean inTransaction) {
        List<List<SqlToken>> statements = SqlLexer.statements(text);
        if (statements == null) {
            hit(Rule.UNPARSED_SQL, "op.execute: a quote or comment is never closed", step, waivers);
            return;
        }
        for (List<SqlToken> tokens : statements) {
            for (SqlToken token : tokens) if (token.isName()) tooLong(token.text(), step, waivers);
            new SqlRules(this, step, waivers, inTransaction).statement(SqlReader.read(tokens, defaultSchema));
        }
    }

    /** The rules over one hand-written statement. */
    private record SqlRules(MigrationWalk walk, Step step, List<Waiver> waivers, boolean inTransaction) {
        void hit(Rule rule, String message) {
            walk.hit(rule, message, step, waivers);
        }

        void statement(SqlStatement statement) {
            if (statement instanceof SqlStatement.TransactionControl t) {
                hit(
                        Rule.TRANSACTION_CONTROL,
                        t.words() + " in op.execute ends or splits the migration's"
                                + " transaction, which the runner manages");
            } else if (statement instanceof SqlStatement.Set s) {
                if (s.name().equals("lock_timeout")) walk.lockTimeoutSet = true;
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
                for (SqlStatement.Action action : a.actions()) action(a.table(), action);
                walk.locks(a.table(), step, waivers);
            } else if (statement instanceof SqlStatement.Drop d) {
                for (QualifiedName name : d.names()) {
                    walk.acknowledged("drops " + d.kind() + " " + shown(name) + " and what it holds", step, waivers);
                    if (d.kind().equals("table")) walk.state.drop(name);
                }
            } else if (statement instanceof SqlStatement.Update u) {
                walk.updates.put(step, u.table());
                walk.updateWaivers.put(step, waivers);
            } else if (statement instanceof SqlStatement.Unparsed u) {
                hit(Rule.UNPARSED_SQL, "op.execute statement not read: " + u.reason() + "; no rule checked it");
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
            if (c.concurrently()) {
                if (inTransaction) concurrentInTransaction("CREATE INDEX CONCURRENTLY");
                return;
            }
            if (walk.existing(c.table())) {
                hit(
                        Rule.NON_CONCURRENT_INDEX,
                        "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX on existing table " + shown(c.table())
                                + " blocks writes while it builds; build it CONCURRENTLY in op.autocommit");
                walk.locks(c.table(), step, waivers);
            }
        }

        void dropIndex(SqlStatement.DropIndex d) {
            if (d.concurrently()) {
                if (inTransaction) concurrentInTransaction("DROP INDEX CONCURRENTLY");
                return;
            }
            for (QualifiedName index : d.indexes()) {
                QualifiedName table = walk.state.indexTable(index.name());
                if (table != null && walk.created.contains(table)) continue;
                hit(
                        Rule.NON_CONCURRENT_INDEX,
                        "DROP INDEX " + shown(index) + " takes an ACCESS EXCLUSIVE lock on "
                                + (table == null ? "its table" : "existing table " + shown(table))
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
                walk.acknowledged("drops column " + shown(table) + "." + d.column() + " and its data", step, waivers);
                if (known != null) known.columns.remove(d.column());
            }
            if (!walk.existing(table)) return;
            String on = " on existing table " + shown(table);
            if (action instanceof SqlStatement.Action.AddColumn a) {
                String where = shown(table) + "." + a.column();
                if (a.notNull() && a.defaultValue() == null && !a.generated())
                    hit(
                            Rule.NOT_NULL_WITHOUT_DEFAULT,
                            "adds NOT NULL column " + where + " without a default to" + " existing table "
                                    + shown(table) + ": fails if it has rows");
                String call = a.defaultValue() == null ? null : Volatility.volatileCall(a.defaultValue());
                if (call != null)
                    hit(
                            Rule.VOLATILE_DEFAULT,
                            "adds column " + where + " with the volatile default " + call
                                    + "(): rewrites existing table " + shown(table));
                else if (a.generated())
                    hit(
                            Rule.VOLATILE_DEFAULT,
                            "adds generated or identity column " + where + ": rewrites existing table " + shown(table));
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
                                        + shown(table) + "." + t.column() + " rewrites existing table " + shown(table)
                                        + " under an ACCESS EXCLUSIVE lock");
                    known.columns.put(t.column(), column.withType(t.type()));
                }
            } else if (action instanceof SqlStatement.Action.Rename r) {
                hit(
                        Rule.RENAME,
                        "renames " + r.kind() + (r.from() == null ? " " + shown(table) : " " + r.from()) + " to "
                                + r.to() + ": the running application still uses the old name");
                if (r.kind().equals("table")) walk.state.rename(table, r.to());
            }
        }
    }

    /** An UPDATE of a table that a DDL statement of the same migration also changes. */
    private void backfills() {
        updates.forEach((step, table) -> {
            if (altered.contains(table) && existing(table))
                hit(
                        Rule.BACKFILL_WITH_DDL,
                        "UPDATE of " + shown(table) + " in the same migration as DDL on it:"
                                + " its row locks and the table lock are held together until the migration commits",
                        step,
                        updateWaivers.get(step));
        });
    }

    private static String shown(QualifiedName name) {
        return quoted(name.schema() == null ? name.name() : name.schema() + "." + name.name());
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
