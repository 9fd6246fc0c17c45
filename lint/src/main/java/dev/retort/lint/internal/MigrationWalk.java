package dev.retort.lint.internal;

import dev.retort.Dialect;
import dev.retort.diff.OnlineForms;
import dev.retort.lint.Rule;
import dev.retort.mariadb.ForeignKeyTracker;
import dev.retort.mariadb.ForeignKeyTracker.TrackedKey;
import dev.retort.mariadb.RetypedForeignKeys;
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

    final SchemaState state;
    final Dialect dialect;

    /** A MariaDB dialect's migrations read by what MySQL does with them. */
    final boolean mySql;

    private final String defaultSchema;
    private final boolean lockTimeoutConfigured;
    /** The longest name MariaDB takes, in characters: it refuses a longer one (error 1059) rather than cut it. */
    public static final int MARIADB_MAX_IDENTIFIER = 64;

    final Set<QualifiedName> created = new HashSet<>();
    private final Set<QualifiedName> altered = new HashSet<>();
    final Map<Step, QualifiedName> updates = new LinkedHashMap<>();
    final Map<Step, List<Waiver>> updateWaivers = new LinkedHashMap<>();
    private final List<Hit> hits = new ArrayList<>();
    boolean lockTimeoutSet;

    /**
     * MariaDB: the migration's SQL set {@code foreign_key_checks} off for the session, so a foreign key it adds
     * after is built in place, reading no rows, rather than by copying the table.
     */
    boolean foreignKeyChecksOff;

    private boolean lockTimeoutReported;
    private Ops ops;

    /** The columns a check {@code "c" IS NOT NULL} was added {@code NOT VALID} for: MariaDB's online SET NOT NULL. */
    final Set<NotNullColumn> onlineNotNull = new HashSet<>();

    /** A column of a table, as {@link #onlineNotNull} holds it. */
    record NotNullColumn(QualifiedName table, String column) {}

    private MigrationWalk(
            SchemaState state, String defaultSchema, boolean lockTimeoutConfigured, Dialect dialect, boolean mySql) {
        this.state = state;
        this.dialect = dialect;
        this.mySql = mySql && dialect == Dialect.MARIADB;
        this.defaultSchema = defaultSchema;
        this.lockTimeoutConfigured = lockTimeoutConfigured;
    }

    /** PostgreSQL's {@link #walk(Ops, SchemaState, String, boolean, Dialect)}. */
    public static List<Hit> walk(Ops recorded, SchemaState state, String defaultSchema, boolean lockTimeoutConfigured) {
        return walk(recorded, state, defaultSchema, lockTimeoutConfigured, Dialect.POSTGRESQL);
    }

    /**
     * Walks the steps the recorder holds by the rules of {@code dialect}, updating {@code state}; the hits in the
     * order of the steps.
     */
    public static List<Hit> walk(
            Ops recorded, SchemaState state, String defaultSchema, boolean lockTimeoutConfigured, Dialect dialect) {
        return walk(recorded, state, defaultSchema, lockTimeoutConfigured, dialect, false);
    }

    /** The same, a MariaDB dialect's steps read by what MySQL does with them ({@code mySql}). */
    public static List<Hit> walk(
            Ops recorded,
            SchemaState state,
            String defaultSchema,
            boolean lockTimeoutConfigured,
            Dialect dialect,
            boolean mySql) {
        MigrationWalk walk = new MigrationWalk(state, defaultSchema, lockTimeoutConfigured, dialect, mySql);
        walk.ops = recorded;
        for (Step step : recorded.steps()) walk.step(step, List.of(), true);
        walk.backfills();
        return List.copyOf(walk.hits);
    }

    /** Applies a migration's steps to the state without reading them: the history before the migration linted. */
    public static void replay(Ops recorded, SchemaState state, String defaultSchema, Dialect dialect, boolean mySql) {
        walk(recorded, state, defaultSchema, true, dialect, mySql);
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
            String copying = mySql ? copyingChange(c.changes()) : null;
            for (Op change : c.changes()) {
                if (copying != null
                        && change instanceof AlterColumn a
                        && a.setsNotNull()
                        && !RetypedForeignKeys.refusedUnderAKey(a)) {
                    String message = notNullUnderKey(a.table(), a.columnName(), copying);
                    if (message != null) hit(Rule.TYPE_CHANGE_UNDER_KEY, message, step, waivers);
                }
                op(change, step, waivers);
                state.apply(change);
            }
        } else if (step instanceof Step.Sql s) {
            sql(s.sql(), step, waivers, inTransaction);
        }
    }

    /**
     * MySQL: the type change of one {@code ALTER TABLE}'s changes that copies the table ("type a -> b of t.c"), or null.
     * MySQL refuses to make a column a key uses {@code NOT NULL} in such a statement (error 1832), which MariaDB runs.
     */
    private static String copyingChange(List<? extends Op> changes) {
        for (Op change : changes)
            if (change instanceof AlterColumn a
                    && MariaDbTypeChange.copies(a.from().type(), a.to().type(), true) != null)
                return "type " + a.from().type() + " -> " + a.to().type() + " of " + shown(a.table()) + "."
                        + a.columnName();
        return null;
    }

    /** A type or collation change of a column a key still uses: MariaDB refuses it (on any table, new ones too). */
    private void keyed(AlterColumn change, Step step, List<Waiver> waivers) {
        String what = change.from().type().equalsIgnoreCase(change.to().type())
                ? "collation of "
                : "type " + change.from().type() + " -> " + change.to().type() + " of ";
        String message = underKey(
                change.table(),
                change.columnName(),
                what,
                change.from().type(),
                change.to().type());
        if (message != null) hit(Rule.TYPE_CHANGE_UNDER_KEY, message, step, waivers);
    }

    /**
     * {@code type-change-under-key}'s message for a change ({@code what}: "type a -> b of ") of a column a key still
     * uses from type {@code from} to {@code to} (the same for a collation change), or null when lint knows of no key or
     * the server runs it. MySQL widens a {@code varchar} under a key where it widens it in place, refuses a change that
     * copies it (1832) and a collation change (3780) unless the session turned {@code foreign_key_checks} off, and
     * any other type change (3780) even then.
     */
    String underKey(QualifiedName table, String column, String what, String from, String to) {
        ForeignKeyTracker keys = state.keys();
        TrackedKey key = keys.keyUsing(table, column);
        if (key == null) return null;
        boolean referencing = keys.on(key, table) && keys.uses(key, key.table(), column);
        String refused =
                " uses the column, even with foreign_key_checks = 0 (error " + (referencing ? 1832 : 1833) + ")";
        if (mySql) {
            boolean varchars = Types.normalize(from).startsWith("varchar(")
                    && Types.normalize(to).startsWith("varchar(");
            boolean collation = Types.classify(from, to) == Types.Change.NONE;
            if (varchars && !collation && MariaDbTypeChange.copies(from, to, true) == null) return null;
            if ((varchars || collation) && foreignKeyChecksOff) return null;
            refused = varchars || collation
                    ? " uses the column (error " + (collation ? 3780 : 1832) + ", but with foreign_key_checks = 0)"
                    : " uses the column, even with foreign_key_checks = 0 (error 3780)";
        }
        return what + shown(table) + "." + column + ": " + server() + " refuses it while foreign key " + shown(key)
                + refused + ", after the migration's"
                + " earlier statements committed; drop the key before the change and add it again after"
                + " (op.dropForeignKey, op.addForeignKey)";
    }

    /**
     * MySQL's {@code type-change-under-key} message for a column a key uses made NOT NULL in an ALTER TABLE whose
     * {@code copying} change copies the table, or null when lint knows of no key: refused (error 1832) unless the
     * session turned {@code foreign_key_checks} off.
     */
    private String notNullUnderKey(QualifiedName table, String column, String copying) {
        TrackedKey key = state.keys().keyUsing(table, column);
        if (key == null || foreignKeyChecksOff) return null;
        return "NOT NULL on " + shown(table) + "." + column + " in an ALTER TABLE that copies the table (" + copying
                + "): MySQL refuses it while foreign key " + shown(key) + " uses the column (error 1832), after the"
                + " migration's earlier statements committed; drop the key before the change and add it again after"
                + " (op.dropForeignKey, op.addForeignKey), or make the column NOT NULL in an ALTER TABLE of its own";
    }

    /** A key as the messages name it: {@code name ("t" (a) -> "p" (id))}. */
    private static String shown(TrackedKey key) {
        return (key.name() == null ? "" : key.name() + " ") + "(" + shown(key.table()) + " ("
                + String.join(", ", key.columns()) + ") -> " + shown(key.referenced()) + " ("
                + String.join(", ", key.referencedColumns()) + "))";
    }

    void hit(Rule rule, String message, Step step, List<Waiver> waivers) {
        if (rule.appliesTo(dialect, mySql)) hits.add(new Hit(rule, message, step, waivers));
    }

    boolean mariaDb() {
        return dialect == Dialect.MARIADB;
    }

    /** The server a MariaDB dialect's migration runs on, as the messages name it. */
    String server() {
        return mySql ? "MySQL" : "MariaDB";
    }

    /** Whether a table exists before this migration: its lock is someone else's wait. */
    boolean existing(QualifiedName table) {
        return table != null && state.has(table) && !created.contains(table);
    }

    /** A statement that locks an existing table: the lock timeout must be there first. */
    void locks(QualifiedName table, Step step, List<Waiver> waivers) {
        altered.add(table);
        if (!existing(table) || lockTimeoutConfigured || lockTimeoutSet || lockTimeoutReported) return;
        lockTimeoutReported = true;
        hit(
                Rule.MISSING_LOCK_TIMEOUT,
                "locks existing table " + shown(table)
                        + " without a lock timeout (lock.ddl-timeout = 0, or @Timeouts(ddl ="
                        + " 0)) and no SET " + (mariaDb() ? "SESSION lock_wait_timeout" : "lock_timeout")
                        + " before it",
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

    void acknowledged(String loss, Step step, List<Waiver> waivers) {
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
        if (mariaDb() && op instanceof AlterColumn a && RetypedForeignKeys.refusedUnderAKey(a)) keyed(a, step, waivers);
        if (mariaDb() && op instanceof AddCheck c && !c.constraint().valid()) {
            String column = OnlineForms.notNullColumn(table, c.constraint());
            if (column != null) onlineNotNull.add(new NotNullColumn(table, column));
        }
        if (!existing(table)) return;
        String on = " on existing table " + shown(table);
        if (mariaDb() && !(op instanceof RenameColumn) && !(op instanceof RenameTable)) {
            MariaDbOpRules.check(this, op, table, step, waivers);
        } else if (op instanceof CreateIndex c) {
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
        } else if ((op instanceof AddUnique u && !u.options().contains(Option.USING_INDEX))
                || (op instanceof AddPrimaryKey p && !p.options().contains(Option.USING_INDEX))) {
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

    void setNotNull(QualifiedName table, String column, Step step, List<Waiver> waivers) {
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
        if (mariaDb()) {
            int characters = name.codePointCount(0, name.length());
            if (characters > MARIADB_MAX_IDENTIFIER)
                hit(
                        Rule.IDENTIFIER_TOO_LONG,
                        "name " + quoted(name) + " is " + characters + " characters; MariaDB refuses a name over "
                                + MARIADB_MAX_IDENTIFIER,
                        step,
                        waivers);
            return;
        }
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
        List<List<SqlToken>> statements = SqlLexer.statements(text, dialect);
        if (statements == null) {
            hit(Rule.UNPARSED_SQL, "op.execute: a quote or comment is never closed", step, waivers);
            state.keys().forgetKeys();
            return;
        }
        if (mariaDb() && !statements.isEmpty() && MariaDbReader.compound(statements.get(0))) {
            // its body's semicolons are the compound statement's, not ends of statements
            SqlStatement compound = MariaDbReader.read(statements.get(0), defaultSchema);
            new SqlRules(this, step, waivers, inTransaction).statement(compound);
            return;
        }
        for (List<SqlToken> tokens : statements) {
            for (SqlToken token : tokens) if (token.isName()) tooLong(token.spelled(), step, waivers);
            new SqlRules(this, step, waivers, inTransaction)
                    .statement(SqlReader.read(tokens, defaultSchema, dialect, mySql));
        }
    }

    /** An UPDATE of a table that a DDL statement of the same migration also changes. */
    private void backfills() {
        if (!Rule.BACKFILL_WITH_DDL.appliesTo(dialect, mySql)) return;
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

    static String shown(QualifiedName name) {
        return quoted(name.schema() == null ? name.name() : name.schema() + "." + name.name());
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
