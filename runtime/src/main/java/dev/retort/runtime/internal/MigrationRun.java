package dev.retort.runtime.internal;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.AppliedMigration;
import dev.retort.runtime.Direction;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.StatementException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** One upgrade or downgrade run: its heads as applied and as committed, and the migrations applied so far. */
final class MigrationRun {
    private final MigrationSet migrations;
    private final boolean transactionPerMigration;
    private final MigrationTimeouts timeouts;
    private final MigrationListener listener;
    private final Sink sink;
    private final Tables tables;
    private final Set<String> before;
    private final List<AppliedMigration> applied = new ArrayList<>();
    private Set<String> heads;
    private Set<String> committed;
    private boolean created;
    /** The migration whose autocommit block ran last in this run, and how many of its statements that committed. */
    private RevisionNode blockRevision;

    private int blockStatements;

    /** Whether the open transaction has a statement timeout set by an earlier migration of a one-transaction run. */
    private boolean statementTimeoutSet;

    MigrationRun(
            MigrationSet migrations,
            boolean transactionPerMigration,
            MigrationTimeouts timeouts,
            MigrationListener listener,
            Sink sink,
            Tables tables,
            Set<String> before) {
        this.migrations = migrations;
        this.transactionPerMigration = transactionPerMigration;
        this.timeouts = timeouts;
        this.listener = listener;
        this.sink = sink;
        this.tables = tables;
        this.before = before;
        this.created = tables.exist();
        this.heads = new TreeSet<>(before);
        this.committed = new TreeSet<>(before);
    }

    /** Applies the path's migrations in order, each in its own transaction or all in one. */
    RunResult run(Direction direction, List<RevisionNode> path) throws SQLException {
        if (!transactionPerMigration) begin();
        try {
            for (RevisionNode node : path) apply(direction, node);
            if (!transactionPerMigration) sink.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackAfter(sink, e);
            if (!transactionPerMigration && e instanceof MigrationException m) {
                String rest = inRunRollback();
                if (!rest.isEmpty()) throw withRollback(m, m.getMessage() + rest);
            }
            throw e;
        }
        return new RunResult(Set.copyOf(before), Set.copyOf(heads), List.copyOf(applied));
    }

    private void apply(Direction direction, RevisionNode node) throws SQLException {
        listener.migrating(direction, node);
        RevisionGraph graph = migrations.graph();
        MigrationSet.BothWays both = migrations.bothWays(node.id());
        RenderedSql sql = direction == Direction.UPGRADE ? both.upgrade() : both.downgrade();
        Set<String> next = direction == Direction.UPGRADE
                ? graph.headsAfterUpgrade(heads, node)
                : graph.headsAfterDowngrade(heads, node);
        sink.note(Migrator.running(direction, node));
        long started = System.nanoTime();
        MigrationTimeouts own = migrations.timeouts(node.id(), timeouts);
        if (transactionPerMigration) begin();
        setTimeouts(own);
        sink.guard(tables.versions().expectSql(heads));
        execute(direction, node, own, sql.statements());
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        List<String> bookkeeping = new ArrayList<>();
        for (String id : heads)
            if (!next.contains(id)) bookkeeping.add(tables.versions().deleteSql(id));
        for (String id : next)
            if (!heads.contains(id)) bookkeeping.add(tables.versions().insertSql(id));
        bookkeeping.add(tables.history()
                .appendSql(node.id(), direction.word(), both.checksum(), node.message(), duration, sink.origin()));
        record(node, direction, bookkeeping, transactionPerMigration);
        created = true;
        if (transactionPerMigration) committed = next;
        heads = next;
        applied.add(new AppliedMigration(direction, node, duration));
    }

    /** The failure again, of the same kind and about the same revision and statement, saying what was rolled back. */
    private static MigrationException withRollback(MigrationException failure, String message) {
        if (failure instanceof StatementException s) {
            return new StatementException(s.revision(), s.direction(), s.statement(), s.sql(), message, failure);
        }
        return new MigrationException(failure.revision(), message, failure);
    }

    private void begin() throws SQLException {
        sink.begin();
        statementTimeoutSet = false;
    }

    /** Sets a migration's timeouts for the rest of the open transaction, undoing an earlier migration's statement timeout. */
    private void setTimeouts(MigrationTimeouts own) throws SQLException {
        for (String sql : own.local(statementTimeoutSet)) sink.execute(sql);
        statementTimeoutSet = own.statement() != null;
    }

    /**
     * Runs one migration's statements; an autocommit block commits what came before it, then runs outside the
     * transaction with the migration's timeouts set for the session around each statement.
     */
    private void execute(
            Direction direction, RevisionNode node, MigrationTimeouts own, List<RenderedSql.Statement> statements)
            throws SQLException {
        int committedStatements = 0;
        for (int i = 0; i < statements.size(); i++) {
            RenderedSql.Statement statement = statements.get(i);
            try {
                if (statement.autocommit()) {
                    sink.commit();
                    committed = new TreeSet<>(heads);
                    // what ran before the block is committed now, even when the block's statement fails
                    committedStatements = i;
                    sink.executeOutsideTransaction(statement.sql(), own.session(statement.sql()));
                    begin();
                    setTimeouts(own);
                    committedStatements = i + 1;
                    blockRevision = node;
                    blockStatements = committedStatements;
                } else {
                    sink.execute(statement.sql());
                }
            } catch (SQLException e) {
                rollbackAfter(sink, e);
                throw failed(direction, node, own, i + 1, statement.sql(), committedStatements, e);
            }
        }
    }

    /** Statement {@code number} failed: what it was, what the server said, and what stays committed. */
    private StatementException failed(
            Direction direction,
            RevisionNode node,
            MigrationTimeouts own,
            int number,
            String sql,
            int committedStatements,
            SQLException e) {
        String partial = committedStatements == 0
                ? ""
                : "; statements 1-" + committedStatements + " of this migration "
                        + "were committed before the failure (autocommit block) and stay applied, the version table stays at "
                        + Migrator.heads(committed);
        return new StatementException(
                node.id(),
                direction,
                number,
                sql,
                "revision " + node.id() + " (" + direction.word() + "): statement " + number + " failed: "
                        + Failures.oneLine(sql) + ": "
                        + Failures.describe(
                                e,
                                committedStatements == 0
                                        ? "the version table stays at " + Migrator.heads(committed)
                                        : "")
                        + partial
                        + timedOut(node, own, e),
                e);
    }

    /**
     * What to do about a statement that {@code lock_timeout} (SQL state 55P03) or {@code statement_timeout}
     * (57014, also a cancel request) stopped; empty for any other failure.
     */
    private String timedOut(RevisionNode node, MigrationTimeouts own, SQLException e) {
        String where = " on class " + migrations.className(node.id());
        if ("55P03".equals(e.getSQLState())) {
            String source = own.ddl().equals(timeouts.ddl()) ? "lock.ddl-timeout" : "its @Timeouts";
            return "; it waited " + MigrationTimeouts.words(own.ddl()) + " (" + source
                    + ") for a lock another session holds: retry when that session's transaction"
                    + " has ended, or raise the limit for this migration with @Timeouts(ddl = SECONDS)" + where;
        }
        if (!"57014".equals(e.getSQLState())) return "";
        String source =
                Objects.equals(own.statement(), timeouts.statement()) ? "lock.statement-timeout" : "its @Timeouts";
        String limit = own.statement() == null
                ? "the session's statement_timeout, or a cancel request"
                : MigrationTimeouts.words(own.statement()) + ", " + source;
        return "; it was cancelled (" + limit + "): retry, or raise the limit for this migration with"
                + " @Timeouts(statement = SECONDS)" + where + " (0 for none)";
    }

    /** Writes the version-table update and the history row; commits them with the migration when it has its own transaction. */
    private void record(RevisionNode node, Direction direction, List<String> bookkeeping, boolean commit)
            throws SQLException {
        try {
            if (!created) tables.create(sink);
            sink.executeAll(bookkeeping);
            if (commit) sink.commit();
        } catch (SQLException e) {
            rollbackAfter(sink, e);
            if (!Failures.connectionLost(e)) throw e;
            String what = commit ? "recording and committing" : "recording";
            String outcome = commit
                    ? "; whether the commit reached the server is unknown: run 'retort current' to see the revision "
                            + "the database is at"
                    : "";
            throw new MigrationException(
                    node.id(),
                    "revision " + node.id() + " (" + direction.word() + "): " + what + " it failed: "
                            + Failures.describe(e, "") + outcome,
                    e);
        }
    }

    /**
     * What a failed one-transaction run adds to its error: that it was rolled back whole, or, after an
     * autocommit block in an earlier migration, only back to that block.
     */
    private String inRunRollback() {
        if (blockRevision == null) {
            return applied.isEmpty()
                    ? ""
                    : "; the whole run was rolled back, the database stays at " + Migrator.heads(committed);
        }
        if (applied.stream().noneMatch(done -> done.revision().equals(blockRevision))) return "";
        return "; the run was rolled back only to the autocommit block of revision " + blockRevision.id()
                + ": its statements 1-"
                + blockStatements
                + " and every revision before it were committed and stay applied, the version table stays at "
                + Migrator.heads(committed);
    }

    /** Rolls back after a failure; when the connection is gone, the server has rolled back already. */
    private static void rollbackAfter(Sink sink, Exception failure) throws SQLException {
        try {
            sink.rollback();
        } catch (SQLException e) {
            if (!Failures.connectionLost(failure) && !Failures.connectionLost(e)) throw e;
            failure.addSuppressed(e);
        }
    }
}
