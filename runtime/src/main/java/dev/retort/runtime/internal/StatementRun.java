package dev.retort.runtime.internal;

import dev.retort.SqlDialect;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import dev.retort.runtime.AppliedMigration;
import dev.retort.runtime.Direction;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.PartialRun;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.StatementException;
import dev.retort.runtime.Step;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An upgrade or downgrade on a database whose DDL commits statement by statement (MariaDB). Each migration has a
 * history row from its start ({@code status = 'running'}), whose {@code statements} counts the statements that
 * committed, each counted in the transaction of its statement (a DDL statement commits before it, so a runner
 * killed between the two leaves the count one short); a failure marks it {@code failed}. Such a row stops the
 * next run until the user chooses: the same direction resumes after its last statement (the migration unedited),
 * the other undoes its statements, each operation through its {@code reverse()}, in reverse order, and refuses
 * hand-written SQL, naming it.
 */
final class StatementRun {
    private final MigrationSet migrations;
    private final MigrationTimeouts timeouts;
    private final MigrationListener listener;
    private final Sink sink;
    private final Tables tables;
    private final RunnerDialect dialect;
    private final Set<String> before;
    private final List<AppliedMigration> applied = new ArrayList<>();
    private Set<String> heads;
    private HistoryEntry unresolved;
    private boolean statementTimeoutSet;

    StatementRun(
            MigrationSet migrations,
            MigrationTimeouts timeouts,
            MigrationListener listener,
            Sink sink,
            Tables tables,
            RunnerDialect dialect,
            Set<String> before,
            Optional<HistoryEntry> unresolved) {
        this.migrations = migrations;
        this.timeouts = timeouts;
        this.listener = listener;
        this.sink = sink;
        this.tables = tables;
        this.dialect = dialect;
        this.before = before;
        this.heads = new TreeSet<>(before);
        this.unresolved = unresolved.orElse(null);
    }

    /** The last run the history holds that did not complete and that no later command resolved. */
    static Optional<HistoryEntry> unresolved(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.progress() != null && entry.progress().unresolved()) return Optional.of(entry);
        }
        return Optional.empty();
    }

    /** An unresolved history row as the facade reports it, with the SQL of each statement that ran. */
    static PartialRun partialRun(MigrationSet migrations, HistoryEntry entry) {
        Direction direction = direction(entry);
        MigrationSet.BothWays both = migrations.bothWays(entry.revision());
        RenderedSql sql = direction == Direction.UPGRADE ? both.upgrade() : both.downgrade();
        List<String> statements = sql == null
                ? List.of()
                : sql.statements().stream().map(RenderedSql.Statement::sql).toList();
        int ran = Math.min(entry.progress().completed(), statements.size());
        return new PartialRun(
                entry.revision(),
                direction,
                entry.progress().status(),
                entry.progress().total(),
                statements.subList(0, ran),
                ran < statements.size() ? statements.get(ran) : null,
                entry.progress().error(),
                !Objects.equals(entry.checksum(), both.checksum()));
    }

    private static Direction direction(HistoryEntry entry) {
        return entry.direction().equals(Direction.DOWNGRADE.word()) ? Direction.DOWNGRADE : Direction.UPGRADE;
    }

    /** Resolves a run left halfway (resuming it in this direction, undoing it in the other), then runs the path. */
    RunResult run(Direction direction, List<RevisionNode> path) throws SQLException {
        if (!tables.exist()) tables.create(sink);
        List<RevisionNode> todo = path;
        if (unresolved != null) {
            if (direction(unresolved) == direction) todo = resumingFirst(direction, path);
            else undo();
        }
        for (RevisionNode node : todo) apply(direction, node);
        return new RunResult(Set.copyOf(before), Set.copyOf(heads), List.copyOf(applied));
    }

    /** The path with the revision to resume first; refused when the target does not take it. */
    private List<RevisionNode> resumingFirst(Direction direction, List<RevisionNode> path) {
        String id = unresolved.revision();
        List<RevisionNode> todo = new ArrayList<>(path);
        RevisionNode node = todo.stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new MigrationException(
                        id,
                        "revision " + id + " is partly applied (" + describe(unresolved) + "): this " + direction.word()
                                + " does not go through it; " + direction.word()
                                + " to a target that includes it to resume"
                                + " it, or " + other(direction).word() + " to undo its statements",
                        null));
        todo.remove(node);
        todo.add(0, node);
        return todo;
    }

    private static Direction other(Direction direction) {
        return direction == Direction.UPGRADE ? Direction.DOWNGRADE : Direction.UPGRADE;
    }

    private static String describe(HistoryEntry entry) {
        HistoryEntry.Progress progress = entry.progress();
        return entry.direction() + " " + progress.status() + " after " + progress.completed() + " of "
                + progress.total() + " statements";
    }

    private void apply(Direction direction, RevisionNode node) throws SQLException {
        listener.migrating(direction, node);
        RevisionGraph graph = migrations.graph();
        MigrationSet.BothWays both = migrations.bothWays(node.id());
        RenderedSql rendered = direction == Direction.UPGRADE ? both.upgrade() : both.downgrade();
        List<RenderedSql.Statement> statements = rendered.statements();
        Set<String> next = direction == Direction.UPGRADE
                ? graph.headsAfterUpgrade(heads, node)
                : graph.headsAfterDowngrade(heads, node);
        sink.note(Migrator.running(direction, node));
        long started = System.nanoTime();
        MigrationTimeouts own = migrations.timeouts(node.id(), timeouts);
        for (String sql : dialect.migrationTimeouts(own, statementTimeoutSet)) sink.execute(sql);
        statementTimeoutSet = own.statement() != null;
        sink.guard(tables.versions().expectSql(heads));
        int start = resumeAt(node, both.checksum());
        Optional<Connection> connection = sink.connection();
        if (connection.isPresent() && start == 0)
            dialect.refuseBeforeRunning(connection.get(), node.id(), rendered.operationsBeforeSql());
        if (connection.isEmpty()) dialect.refuseInScript(node.id(), rendered.operationsBeforeSql());
        sink.execute(startSql(node, direction, both.checksum(), statements.size(), start));
        sink.execute("SET @retort_run = LAST_INSERT_ID()");
        LiveTables live = live();
        for (int i = start; i < statements.size(); i++) {
            String sql = statements.get(i).sql();
            try {
                sql = running(rendered, i, live);
                sink.begin();
                if (!rendered.origins().isEmpty() && rendered.origins().get(i) instanceof Step.Sql)
                    sink.executeAsWritten(sql);
                else if (connection.isPresent()) runAtRunTime(connection.get(), sql);
                else for (String line : dialect.inScript(sql)) sink.execute(line);
                if (live != null)
                    live.ran(
                            rendered.origins().isEmpty()
                                    ? null
                                    : rendered.origins().get(i));
                sink.execute(updateSql("statements = " + (i + 1)));
                sink.commit();
            } catch (SQLException e) {
                rollbackAfter(e);
                recordFailure(e, started);
                throw failed(direction, node, own, i, sql, statements, e);
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        sink.begin();
        for (String id : heads)
            if (!next.contains(id)) sink.execute(tables.versions().deleteSql(id));
        for (String id : next)
            if (!heads.contains(id)) sink.execute(tables.versions().insertSql(id));
        sink.execute(updateSql("status = 'done', duration_ms = " + duration.toMillis()));
        sink.commit();
        heads = next;
        applied.add(new AppliedMigration(direction, node, duration));
    }

    /**
     * Statement {@code index} as it runs: a column-changing step's rendered again for where it runs, online by the
     * dialect's {@link RunnerDialect#liveSql} for its table ({@link LiveTables}: on MariaDB a {@code MODIFY COLUMN}
     * keeping what the live column has and the migration does not name), in a script by its {@link RunnerDialect#scriptSql} (on MariaDB a
     * block that reads the same when the script runs), into as many statements as its offline rendering, which the
     * history counts and the checksum is taken from; any other statement as rendered.
     */
    private String running(RenderedSql rendered, int index, LiveTables live) {
        String offline = rendered.statements().get(index).sql();
        List<Step> origins = rendered.origins();
        if (origins.isEmpty()) return offline;
        Step step = origins.get(index);
        int first = index;
        while (first > 0 && origins.get(first - 1) == step) first--;
        int count = 1;
        while (first + count < origins.size() && origins.get(first + count) == step) count++;
        List<String> again = again(step, rendered.operations(), live);
        if (again == null) return offline;
        if (again.size() != count)
            throw new IllegalStateException("step " + step + " renders as " + again.size() + " statements where it runs"
                    + " and " + count + " offline");
        return again.get(index - first);
    }

    /**
     * A step that changes columns, rendered for where it runs within the migration's operations (as its offline
     * rendering: on MariaDB the safe {@code SET NOT NULL}'s {@code MODIFY} stays online; none for an undo, whose
     * reverse steps are rendered each alone); null for any other step.
     */
    private List<String> again(Step step, List<Op> operations, LiveTables live) {
        if (step instanceof Step.Change change && change.op() instanceof AlterColumn alter)
            return renderer(alter.table(), List.of(alter), live)
                    .within(operations)
                    .statements(alter);
        if (step instanceof Step.ColumnChanges changes
                && changes.changes().stream().anyMatch(c -> c instanceof AlterColumn))
            return renderer(changes.table(), changes.changes(), live)
                    .within(operations)
                    .alterTable(changes.changes());
        return null;
    }

    /** The renderer of a statement that changes columns of {@code table}: the live one online, else the script's. */
    private SqlDialect renderer(QualifiedName table, List<? extends ColumnChange> changes, LiveTables live) {
        return live != null ? live.renderer(table, changes) : dialect.scriptSql();
    }

    /** The live tables of one run of statements online; null in a script. */
    private LiveTables live() {
        return sink.connection().map(c -> new LiveTables(dialect, c)).orElse(null);
    }

    /** Where a migration starts: after the statements a run left halfway committed, when it is this one. */
    private int resumeAt(RevisionNode node, String checksum) throws SQLException {
        if (unresolved == null || !unresolved.revision().equals(node.id())) return 0;
        HistoryEntry entry = unresolved;
        int completed = entry.progress().completed();
        if (!Objects.equals(entry.checksum(), checksum)) {
            throw new MigrationException(
                    node.id(),
                    "revision " + node.id() + " (" + migrations.source(node.id()) + ") is partly applied ("
                            + describe(entry) + ") and was edited since: resuming would run statements it did not"
                            + " start with; undo the edit and " + entry.direction() + " again to resume, or "
                            + other(direction(entry)).word() + " to undo its statements",
                    null);
        }
        progress("Resuming after statement " + completed + " of "
                + entry.progress().total() + " of the " + entry.direction() + " of " + node.id());
        sink.execute("UPDATE " + tables.history().qualified() + " SET status = 'resumed' WHERE id = " + entry.id());
        unresolved = null;
        return completed;
    }

    private String startSql(RevisionNode node, Direction direction, String checksum, int total, int completed) {
        HistoryTable history = tables.history();
        return "INSERT INTO " + history.qualified()
                + " (revision, direction, checksum, message, applied_by, duration_ms, retort_version, status,"
                + " statements, total) VALUES ("
                + history.values(node.id(), direction.word(), checksum, node.message(), sink.origin()) + ", 0, "
                + dialect.literal(HistoryTable.retortVersion()) + ", 'running', " + completed + ", " + total + ")";
    }

    private String updateSql(String set) {
        return "UPDATE " + tables.history().qualified() + " SET " + set + " WHERE id = @retort_run";
    }

    /** Marks the run failed with the server's message, unless the connection went with the statement. */
    private void recordFailure(SQLException e, long started) {
        if (Failures.connectionLost(e)) return;
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try {
            sink.execute(updateSql("status = 'failed', duration_ms = " + ms + ", error = "
                    + dialect.literal(Failures.oneLine(e.getMessage()))));
        } catch (SQLException lost) {
            e.addSuppressed(lost);
        }
    }

    /** Statement {@code index} failed: what it was, what the server said, which statements ran and what to do. */
    private StatementException failed(
            Direction direction,
            RevisionNode node,
            MigrationTimeouts own,
            int index,
            String sql,
            List<RenderedSql.Statement> statements,
            SQLException e) {
        StringBuilder message = new StringBuilder("revision " + node.id() + " (" + direction.word() + "): statement "
                + (index + 1) + " of " + statements.size() + " failed: " + Failures.oneLine(sql) + ": "
                + Failures.describe(e, "") + timedOut(node, own, e));
        if (index == 0) {
            message.append("; no statement of it ran, the version table stays at ")
                    .append(Migrator.heads(heads));
        } else {
            message.append("; on ")
                    .append(dialect.server())
                    .append(" every statement commits: statements 1-")
                    .append(index)
                    .append(" of this migration ran and stay applied, the version table stays at ")
                    .append(Migrator.heads(heads))
                    .append(':');
            for (int i = 0; i < index; i++)
                message.append("\n  ran ")
                        .append(i + 1)
                        .append(". ")
                        .append(Failures.oneLine(statements.get(i).sql()));
            List<String> commands = resumeAndUndo(direction, node.id(), node.revises());
            message.append("\nfix the cause and run ")
                    .append(commands.get(0))
                    .append(" again to resume at statement ")
                    .append(index + 1)
                    .append(", or ")
                    .append(commands.get(1))
                    .append(" to undo statements 1-")
                    .append(index);
        }
        return new StatementException(node.id(), direction, index + 1, sql, message.toString(), e);
    }

    /** A line about a run left halfway: a comment in a script, the listener's progress online. */
    private void progress(String line) {
        sink.note(line);
        if (sink.connection().isPresent()) listener.progress(line);
    }

    /**
     * The commands that resume a run of {@code revision} left halfway and that undo it: an upgrade resumes up to the
     * revision and is undone down to its parents ({@code base} for none); a downgrade the other way round. Several
     * parents (a merge) are a target to choose.
     */
    static List<String> resumeAndUndo(Direction direction, String revision, Collection<String> parents) {
        Set<String> below = new TreeSet<>(parents);
        boolean up = direction == Direction.UPGRADE;
        return List.of(
                command(direction, up ? Set.of(revision) : below),
                command(other(direction), up ? below : Set.of(revision)));
    }

    private static String command(Direction direction, Set<String> revisions) {
        String verb = "'retort " + direction.word() + " ";
        if (revisions.size() > 1) return verb + "TARGET' (TARGET one of " + String.join(", ", revisions) + ")";
        return verb + (revisions.isEmpty() ? Targets.BASE : revisions.iterator().next()) + "'";
    }

    /** What to do about a statement a lock wait or the statement time limit stopped; empty for any other failure. */
    private String timedOut(RevisionNode node, MigrationTimeouts own, SQLException e) {
        String where = " on class " + migrations.className(node.id());
        if (dialect.lockTimedOut(e)) {
            String source = own.ddl().equals(timeouts.ddl()) ? "lock.ddl-timeout" : "its @Timeouts";
            return "; it waited " + MigrationTimeouts.words(own.ddl()) + " (" + source
                    + ") for a lock another session holds: retry when that session's transaction"
                    + " has ended, or raise the limit for this migration with @Timeouts(ddl = SECONDS)" + where;
        }
        if (!dialect.statementTimedOut(e)) return "";
        String source =
                Objects.equals(own.statement(), timeouts.statement()) ? "lock.statement-timeout" : "its @Timeouts";
        String limit = own.statement() == null
                ? "the session's max_statement_time, or KILL QUERY"
                : MigrationTimeouts.words(own.statement()) + ", " + source;
        return "; it was cancelled (" + limit + "): retry, or raise the limit for this migration with"
                + " @Timeouts(statement = SECONDS)" + where + " (0 for none)";
    }

    /**
     * Undoes the statements a run left halfway committed: each operation's, through its reverse, the last first,
     * the history row counting down as they are undone. Hand-written SQL, an operation only part of whose
     * statements ran, or a migration edited since, are refused before anything runs.
     */
    private void undo() throws SQLException {
        HistoryEntry entry = unresolved;
        String id = entry.revision();
        Direction direction = direction(entry);
        MigrationSet.BothWays both = migrations.bothWays(id);
        RenderedSql sql = direction == Direction.UPGRADE ? both.upgrade() : both.downgrade();
        int completed = entry.progress().completed();
        String stayAt = Migrator.heads(heads);
        if (!Objects.equals(entry.checksum(), both.checksum())) {
            throw new MigrationException(
                    id,
                    "revision " + id + " (" + migrations.source(id) + ") is partly applied (" + describe(entry)
                            + ") and was edited since, so the statements that ran are not known: undo the edit to"
                            + " undo them, or undo them by hand and run 'retort stamp " + stayAt + "'",
                    null);
        }
        List<Undo> undos = Undo.of(sql, completed, dialect);
        List<Undo> refused = undos.stream().filter(u -> u.statements() == null).toList();
        if (!refused.isEmpty()) throw cannotUndo(entry, sql, refused, stayAt);
        progress("Undoing statements 1-" + completed + " of the " + direction.word() + " of " + id);
        sink.execute("SET @retort_run = " + entry.id());
        List<Undo> lastFirst = new ArrayList<>(undos);
        Collections.reverse(lastFirst);
        LiveTables live = live();
        for (Undo undo : lastFirst) {
            List<String> statements = again(undo.step(), List.of(), live);
            for (String statement : statements == null ? undo.statements() : statements) {
                try {
                    Optional<Connection> connection = sink.connection();
                    if (connection.isPresent() && !(undo.step() instanceof Step.Sql))
                        runAtRunTime(connection.get(), statement);
                    else sink.execute(statement);
                } catch (SQLException e) {
                    throw new StatementException(
                            id,
                            other(direction),
                            undo.from() + 1,
                            statement,
                            "revision " + id + ": undoing statement " + undo.to() + " of its " + direction.word()
                                    + " failed: " + Failures.oneLine(statement) + ": " + Failures.describe(e, "")
                                    + "; statements 1-" + undo.to() + " stay applied (the history says so)",
                            e);
                }
                if (live != null) live.ran(undo.step());
            }
            sink.execute(updateSql("statements = " + undo.from()));
        }
        sink.execute(updateSql("status = 'undone'"));
        unresolved = null;
    }

    /** A rendered statement as the dialect runs it on the connection's server ({@link RunnerDialect#atRunTime}). */
    private void runAtRunTime(Connection connection, String sql) throws SQLException {
        try {
            sink.execute(dialect.atRunTime(connection, sql));
        } finally {
            dialect.afterRunning(connection, sql);
        }
    }

    /** The refusal to undo: which statements ran, which of them Retort cannot undo, and what to do. */
    private MigrationException cannotUndo(HistoryEntry entry, RenderedSql sql, List<Undo> refused, String stayAt) {
        StringBuilder message = new StringBuilder("revision " + entry.revision() + " is partly applied ("
                + describe(entry) + ") and its statements cannot all be undone automatically: ");
        List<String> why = new ArrayList<>();
        for (Undo undo : refused) why.add("statement " + (undo.from() + 1) + " " + undo.why());
        message.append(String.join(", ", why));
        message.append("; undo these statements by hand, the last first:");
        for (int i = entry.progress().completed() - 1; i >= 0; i--)
            message.append("\n  ran ")
                    .append(i + 1)
                    .append(". ")
                    .append(Failures.oneLine(sql.statements().get(i).sql()));
        message.append("\nthen run 'retort stamp ")
                .append(stayAt)
                .append("' to record that the database is at ")
                .append(stayAt);
        return new MigrationException(entry.revision(), message.toString(), null);
    }

    /**
     * The statements that undo one step's committed statements {@code from} (inclusive) to {@code to} (exclusive);
     * null when Retort cannot write them, and {@code why}.
     */
    record Undo(int from, int to, Step step, List<String> statements, String why) {
        /** The undo of each step whose statements are among the first {@code completed}, in order. */
        static List<Undo> of(RenderedSql sql, int completed, RunnerDialect dialect) {
            List<Undo> undos = new ArrayList<>();
            List<Step> origins = sql.origins();
            int from = 0;
            while (from < completed) {
                Step step = origins.isEmpty() ? null : origins.get(from);
                int to = from + 1;
                while (to < sql.statements().size() && step != null && origins.get(to) == step) to++;
                undos.add(undo(step, from, to, completed, dialect));
                from = to;
            }
            return undos;
        }

        private static Undo undo(Step step, int from, int to, int completed, RunnerDialect dialect) {
            if (to > completed)
                return new Undo(
                        from,
                        completed,
                        null,
                        null,
                        "is part of an operation only " + (completed - from) + " of whose " + (to - from)
                                + " statements ran");
            if (step instanceof Step.Change change) {
                Step.Change reverse = new Step.Change(undoing(change.op()));
                return new Undo(from, to, reverse, dialect.sql().statements(reverse.op()), null);
            }
            if (step instanceof Step.ColumnChanges changes) {
                List<ColumnChange> reversed = new ArrayList<>();
                for (ColumnChange change : changes.changes()) reversed.add(0, change.reverse());
                return new Undo(
                        from,
                        to,
                        new Step.ColumnChanges(changes.table(), reversed),
                        dialect.sql().alterTable(reversed),
                        null);
            }
            return new Undo(from, to, step, null, "is hand-written SQL (op.execute), which Retort cannot undo");
        }

        /**
         * The operation that undoes one that ran: its reverse; for an index built, a drop {@code IF EXISTS}, since a
         * later statement of the run may have taken the index (MariaDB's primary key from a concurrent unique index,
         * which has no {@code USING INDEX}, drops the index as it adds the key, whose own undo then leaves none).
         */
        private static Op undoing(Op op) {
            if (op instanceof CreateIndex create) {
                Set<Option> options = EnumSet.of(Option.IF_EXISTS);
                options.addAll(create.reverse().options());
                return new DropIndex(create.table(), create.index(), options);
            }
            return op.reverse();
        }
    }

    /** Rolls back after a failure; when the connection is gone, the server has rolled back already. */
    private void rollbackAfter(Exception failure) throws SQLException {
        try {
            sink.rollback();
        } catch (SQLException e) {
            if (!Failures.connectionLost(failure) && !Failures.connectionLost(e)) throw e;
            failure.addSuppressed(e);
        }
    }
}
