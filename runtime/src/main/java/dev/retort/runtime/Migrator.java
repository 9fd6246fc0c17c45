package dev.retort.runtime;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies migrations to a PostgreSQL database, the safe way.
 *
 * <ul>
 *   <li>Every command that changes the database holds the {@link MigrationLock}: concurrent runners
 *       wait their turn, then find nothing left to do.
 *   <li>Each migration runs in its own transaction with its version-table update and history row
 *       (or, with {@code transactionPerMigration=false}, the whole run in one), so a failure leaves
 *       the database at the last revision that completed.
 *   <li>Before running, applied revisions are checked against the history's checksums: an edited
 *       or unknown applied revision stops the run.
 * </ul>
 */
public final class Migrator {
    /** How to run: one transaction per migration or one for the whole run, and how long to wait for the lock. */
    public record Options(boolean transactionPerMigration, Duration lockTimeout) {
        public static final Options DEFAULTS = new Options(true, Duration.ofMinutes(5));
    }

    /** Told what the runner is doing, for progress output. */
    public interface Listener {
        default void migrating(Direction direction, RevisionNode revision) { }

        default void waitingForLock(String holder) { }
    }

    /** One migration applied: which, which way, and how long it took. */
    public record Step(Direction direction, RevisionNode revision, Duration duration) {}

    /** What a run did: the heads before and after, and the steps in order. */
    public record Result(Set<String> before, Set<String> after, List<Step> steps) {}

    private final MigrationSet migrations;
    private final VersionTable versionTable;
    private final HistoryTable historyTable;
    private final Options options;
    private final Listener listener;

    public Migrator(MigrationSet migrations, VersionTable versionTable, Options options, Listener listener) {
        this.migrations = migrations;
        this.versionTable = versionTable;
        this.historyTable = new HistoryTable(versionTable);
        this.options = options;
        this.listener = listener;
    }

    public Migrator(MigrationSet migrations, VersionTable versionTable) {
        this(migrations, versionTable, Options.DEFAULTS, new Listener() { });
    }

    /** The revisions the database is at; empty at base. */
    public Set<String> current(Connection connection) throws SQLException {
        return versionTable.read(connection);
    }

    /** Every run recorded in the history table, oldest first. */
    public List<HistoryTable.Entry> history(Connection connection) throws SQLException {
        return historyTable.read(connection);
    }

    /** The revisions {@code upgrade heads} would apply, in order; empty when the database is up to date. */
    public List<RevisionNode> pending(Connection connection) throws SQLException {
        RevisionGraph graph = migrations.graph();
        Set<String> current = current(connection);
        for (String id : current) graph.node(id);
        return graph.upgradePath(current, graph.heads());
    }

    public Result upgrade(Connection connection, String target) throws SQLException {
        return locked(connection, true, before -> {
            RevisionGraph graph = migrations.graph();
            return run(connection, Direction.UPGRADE, before, graph.upgradePath(before, Targets.upgrade(graph, target, before)));
        });
    }

    public Result downgrade(Connection connection, String target) throws SQLException {
        return locked(connection, true, before -> {
            RevisionGraph graph = migrations.graph();
            return run(connection, Direction.DOWNGRADE, before, graph.downgradePath(before, Targets.downgrade(graph, target, before)));
        });
    }

    /** Compares the applied revisions with the migrations: edited, missing and unknown ones. */
    public Validation validate(Connection connection) throws SQLException {
        RevisionGraph graph = migrations.graph();
        Set<String> known = new TreeSet<>();
        graph.inOrder().forEach(node -> known.add(node.id()));
        List<Validation.Problem> problems = new ArrayList<>();
        Set<String> current = current(connection);
        for (String id : current) {
            if (!known.contains(id)) {
                problems.add(new Validation.Problem(Validation.Kind.UNKNOWN, id, "the database is at revision " + id
                        + ", which no migration declares (is this the right migrations folder?)"));
            }
        }
        Map<String, String> applied = HistoryTable.appliedChecksums(historyTable.read(connection));
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(applied).entrySet()) {
            String id = entry.getKey();
            if (!known.contains(id)) {
                if (!current.contains(id)) {
                    problems.add(new Validation.Problem(Validation.Kind.MISSING, id, "revision " + id
                            + " was applied, and no migration declares it any more"));
                }
            } else if (entry.getValue() != null && !entry.getValue().equals(migrations.checksum(id))) {
                problems.add(new Validation.Problem(Validation.Kind.EDITED, id, "revision " + id + " (" + migrations.source(id)
                        + ") was edited after it was applied: it no longer does what ran; undo the edit, or accept it "
                        + "deliberately with 'retort validate --accept " + id + "'"));
            }
        }
        return new Validation(problems);
    }

    /** Records that an applied revision's current content is accepted, so the edit no longer stops runs. */
    public void accept(Connection connection, String revision) throws SQLException {
        locked(connection, false, before -> {
            String id = migrations.graph().resolve(revision);
            connection.setAutoCommit(false);
            try {
                historyTable.append(connection, id, HistoryTable.ACCEPT, migrations.checksum(id), "accepted edit", Duration.ZERO);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    private interface Work<T> {
        T run(Set<String> before) throws SQLException;
    }

    /** Takes the lock, creates the tables, refuses edited or unknown applied revisions when asked to, then works. */
    private <T> T locked(Connection connection, boolean refuseBlocking, Work<T> work) throws SQLException {
        try (MigrationLock ignored = MigrationLock.acquire(connection, versionTable.name(), options.lockTimeout(),
                listener::waitingForLock)) {
            versionTable.create(connection);
            historyTable.create(connection);
            List<Validation.Problem> blocking = refuseBlocking ? validate(connection).blocking() : List.of();
            if (!blocking.isEmpty()) throw new MigrationException(blocking.get(0).message());
            return work.run(current(connection));
        }
    }

    private Result run(Connection connection, Direction direction, Set<String> before, List<RevisionNode> path)
            throws SQLException {
        Run run = new Run(connection, before);
        if (!options.transactionPerMigration()) connection.setAutoCommit(false);
        try {
            for (RevisionNode node : path) run.apply(direction, node);
            if (!options.transactionPerMigration()) connection.commit();
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) connection.rollback();
            if (!options.transactionPerMigration() && e instanceof MigrationException m && !run.steps.isEmpty()) {
                throw new MigrationException(m.getMessage() + "; the whole run was rolled back, the database stays at "
                        + heads(run.committed), m);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return new Result(Set.copyOf(before), Set.copyOf(run.heads), List.copyOf(run.steps));
    }

    /** The state of one run: heads as applied, heads as committed, steps done. */
    private final class Run {
        final Connection connection;
        final List<Step> steps = new ArrayList<>();
        Set<String> heads;
        Set<String> committed;

        Run(Connection connection, Set<String> before) {
            this.connection = connection;
            this.heads = new TreeSet<>(before);
            this.committed = new TreeSet<>(before);
        }

        void apply(Direction direction, RevisionNode node) throws SQLException {
            listener.migrating(direction, node);
            Script script = migrations.script(node.id(), direction);
            String checksum = migrations.checksum(node.id());
            RevisionGraph graph = migrations.graph();
            Set<String> next = direction == Direction.UPGRADE ? graph.headsAfterUpgrade(heads, node) : graph.headsAfterDowngrade(heads, node);
            long started = System.nanoTime();
            connection.setAutoCommit(false);
            int committedStatements = 0;
            List<Script.Statement> statements = script.statements();
            for (int i = 0; i < statements.size(); i++) {
                Script.Statement statement = statements.get(i);
                try {
                    if (statement.autocommit()) {
                        connection.commit();
                        committed = new TreeSet<>(heads);
                        connection.setAutoCommit(true);
                        execute(statement.sql());
                        connection.setAutoCommit(false);
                        committedStatements = i + 1;
                    } else {
                        execute(statement.sql());
                    }
                } catch (SQLException e) {
                    if (!connection.getAutoCommit()) connection.rollback();
                    String partial = committedStatements == 0 ? "" : "; statements 1-" + committedStatements + " of this migration "
                            + "were committed before the failure (autocommit block) and stay applied, the version table stays at "
                            + heads(committed);
                    throw new MigrationException("revision " + node.id() + " (" + direction.word() + "): statement " + (i + 1)
                            + " failed: " + oneLine(statement.sql()) + ": " + oneLine(e.getMessage()) + partial, e);
                }
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            Set<String> removed = new TreeSet<>(heads);
            removed.removeAll(next);
            Set<String> added = new TreeSet<>(next);
            added.removeAll(heads);
            versionTable.replace(connection, removed, added);
            historyTable.append(connection, node.id(), direction.word(), checksum, node.message(), duration);
            if (options.transactionPerMigration()) {
                connection.commit();
                committed = next;
            }
            heads = next;
            steps.add(new Step(direction, node, duration));
        }

        private void execute(String sql) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private static String heads(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    /** The runner's host name, for the history's {@code applied_by}. */
    static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) return fromEnvironment;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    static String retortVersion() {
        String version = Migrator.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
