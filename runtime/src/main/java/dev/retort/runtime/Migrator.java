package dev.retort.runtime;

import static dev.retort.runtime.sql.PostgresSql.quote;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        /** PostgreSQL's {@code lock_timeout} is an int of milliseconds. */
        public static final Duration MAX_LOCK_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);
        public static final Options DEFAULTS = new Options(true, Duration.ofMinutes(5));

        public Options {
            if (lockTimeout.isNegative() || lockTimeout.compareTo(MAX_LOCK_TIMEOUT) > 0) {
                throw new MigrationException("lock timeout: from 0 to " + MAX_LOCK_TIMEOUT.toSeconds()
                        + " seconds (PostgreSQL's lock_timeout limit), got " + lockTimeout.toSeconds());
            }
        }
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
        return locked(connection, true, before -> run(new Sink.Jdbc(connection), Direction.UPGRADE, before, upPath(before, target)));
    }

    public Result downgrade(Connection connection, String target) throws SQLException {
        return locked(connection, true, before -> run(new Sink.Jdbc(connection), Direction.DOWNGRADE, before, downPath(before, target)));
    }

    /** The SQL script of an upgrade from the {@code from} heads to {@code target}, without a connection. */
    public String upgradeScript(Set<String> from, String target) throws SQLException {
        Sink.Script script = prelude("upgrade " + heads(from) + " -> " + target);
        run(script, Direction.UPGRADE, from, upPath(from, target));
        return script.toString();
    }

    /** The SQL script of a downgrade from the {@code from} heads to {@code target}, without a connection. */
    public String downgradeScript(Set<String> from, String target) throws SQLException {
        Sink.Script script = prelude("downgrade " + heads(from) + " -> " + target);
        run(script, Direction.DOWNGRADE, from, downPath(from, target));
        return script.toString();
    }

    /**
     * Sets the version table to the given revisions ({@code base} for none) without running any
     * migration. {@code purge} first empties the table even of revisions no migration declares.
     */
    public Result stamp(Connection connection, List<String> revisions, boolean purge) throws SQLException {
        return locked(connection, !purge, before -> stamp(new Sink.Jdbc(connection), before, stampTargets(revisions), purge));
    }

    /** The SQL script that stamps an existing database to the given revisions, without a connection. */
    public String stampScript(List<String> revisions) throws SQLException {
        Set<String> targets = stampTargets(revisions);
        Sink.Script script = prelude("stamp " + heads(targets));
        stamp(script, Set.of(), targets, true);
        return script.toString();
    }

    private List<RevisionNode> upPath(Set<String> before, String target) {
        RevisionGraph graph = migrations.graph();
        return graph.upgradePath(before, Targets.upgrade(graph, target, before));
    }

    private List<RevisionNode> downPath(Set<String> before, String target) {
        RevisionGraph graph = migrations.graph();
        return graph.downgradePath(before, Targets.downgrade(graph, target, before));
    }

    private Sink.Script prelude(String what) {
        Sink.Script script = new Sink.Script();
        script.note("Retort offline script: " + what);
        script.begin();
        script.execute(versionTable.createSql());
        script.execute(historyTable.createSql());
        script.commit();
        return script;
    }

    private Set<String> stampTargets(List<String> revisions) {
        RevisionGraph graph = migrations.graph();
        Set<String> targets = new TreeSet<>();
        for (String spec : revisions) {
            if (!spec.equals("base")) targets.addAll(Targets.upgrade(graph, spec, Set.of()));
        }
        for (String id : targets) {
            for (String other : targets) {
                if (!id.equals(other) && graph.parentAncestorsOf(List.of(other)).contains(id)) {
                    throw new MigrationException("cannot stamp " + id + " and " + other + " together: " + id + " is below " + other);
                }
            }
        }
        return targets;
    }

    private Result stamp(Sink sink, Set<String> before, Set<String> targets, boolean purge) throws SQLException {
        sink.note("Stamping " + heads(before) + " -> " + heads(targets));
        sink.begin();
        try {
            if (purge) {
                sink.execute(versionTable.deleteAllSql());
            } else {
                for (String id : before) if (!targets.contains(id)) sink.execute(versionTable.deleteSql(id));
            }
            for (String id : targets) if (purge || !before.contains(id)) sink.execute(versionTable.insertSql(id));
            for (String id : targets) {
                sink.execute(historyTable.appendSql(id, HistoryTable.STAMP, null, "stamp", Duration.ZERO, sink.origin()));
            }
            sink.commit();
        } catch (SQLException | RuntimeException e) {
            sink.rollback();
            throw e;
        }
        return new Result(Set.copyOf(before), Set.copyOf(targets), List.of());
    }

    /** Compares the applied revisions with the migrations: edited, missing and unknown ones. */
    public Validation validate(Connection connection) throws SQLException {
        return Validator.compare(migrations, current(connection), HistoryTable.appliedChecksums(historyTable.read(connection)));
    }

    /** Records that an applied revision's current content is accepted, so the edit no longer stops runs. */
    public void accept(Connection connection, String revision) throws SQLException {
        locked(connection, false, before -> {
            RevisionGraph graph = migrations.graph();
            String id = graph.resolve(revision);
            if (!graph.ancestorsOf(before.stream().filter(graph::contains).toList()).contains(id)) {
                throw new MigrationException("cannot accept revision " + id + ": it is not applied (the database is at "
                        + heads(before) + "); only an applied revision's edit can be accepted");
            }
            new Sink.Jdbc(connection).execute(historyTable.appendSql(id, HistoryTable.ACCEPT, migrations.checksum(id),
                    "accepted edit", Duration.ZERO, host()));
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
            createIfMissing(connection, "version table", versionTable.name(), versionTable.createSql());
            createIfMissing(connection, "history table", historyTable.name(), historyTable.createSql());
            List<Validation.Problem> blocking = refuseBlocking ? validate(connection).blocking() : List.of();
            if (!blocking.isEmpty()) throw new MigrationException(blocking.get(0).message());
            return work.run(current(connection));
        }
    }

    /** Creates a bookkeeping table unless it is there, so a role without CREATE on the schema can run once it is. */
    private static void createIfMissing(Connection connection, String what, String name, String sql) throws SQLException {
        try {
            if (!VersionTable.exists(connection, name)) new Sink.Jdbc(connection).execute(sql);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new MigrationException("creating the " + what + " " + qualified(connection, name) + ": "
                    + reason.replaceFirst("^ERROR: ", ""), e);
        }
    }

    /** The table's name in the schema it is created in: the first of the search path that exists. */
    private static String qualified(Connection connection, String name) throws SQLException {
        try (var st = connection.createStatement(); var rs = st.executeQuery("SELECT current_schema()")) {
            String schema = rs.next() ? rs.getString(1) : null;
            return schema == null ? quote(name) : quote(schema) + "." + quote(name);
        }
    }

    private Result run(Sink sink, Direction direction, Set<String> before, List<RevisionNode> path) throws SQLException {
        Run run = new Run(sink, before);
        if (!options.transactionPerMigration()) sink.begin();
        try {
            for (RevisionNode node : path) run.apply(direction, node);
            if (!options.transactionPerMigration()) sink.commit();
        } catch (SQLException | RuntimeException e) {
            sink.rollback();
            if (!options.transactionPerMigration() && e instanceof MigrationException m && !run.steps.isEmpty()) {
                throw new MigrationException(m.getMessage() + "; the whole run was rolled back, the database stays at "
                        + heads(run.committed), m);
            }
            throw e;
        }
        return new Result(Set.copyOf(before), Set.copyOf(run.heads), List.copyOf(run.steps));
    }

    /** The state of one run: heads as applied, heads as committed, steps done. */
    private final class Run {
        final Sink sink;
        final List<Step> steps = new ArrayList<>();
        Set<String> heads;
        Set<String> committed;

        Run(Sink sink, Set<String> before) {
            this.sink = sink;
            this.heads = new TreeSet<>(before);
            this.committed = new TreeSet<>(before);
        }

        void apply(Direction direction, RevisionNode node) throws SQLException {
            listener.migrating(direction, node);
            RevisionGraph graph = migrations.graph();
            Script upgrade = migrations.script(node.id(), Direction.UPGRADE);
            Script downgrade = migrations.script(node.id(), Direction.DOWNGRADE);
            Script script = direction == Direction.UPGRADE ? upgrade : downgrade;
            String checksum = Script.checksum(upgrade, downgrade);
            Set<String> next = direction == Direction.UPGRADE ? graph.headsAfterUpgrade(heads, node) : graph.headsAfterDowngrade(heads, node);
            sink.note("Running " + direction.word() + " " + (direction == Direction.UPGRADE
                    ? heads(Set.copyOf(node.parents())) + " -> " + node.id() : node.id() + " -> " + heads(Set.copyOf(node.parents())))
                    + ", " + node.message());
            long started = System.nanoTime();
            boolean perMigration = options.transactionPerMigration();
            if (perMigration) sink.begin();
            int committedStatements = 0;
            List<Script.Statement> statements = script.statements();
            for (int i = 0; i < statements.size(); i++) {
                Script.Statement statement = statements.get(i);
                try {
                    if (statement.autocommit()) {
                        sink.commit();
                        committed = new TreeSet<>(heads);
                        sink.executeOutsideTransaction(statement.sql());
                        sink.begin();
                        committedStatements = i + 1;
                    } else {
                        sink.execute(statement.sql());
                    }
                } catch (SQLException e) {
                    sink.rollback();
                    String partial = committedStatements == 0 ? "" : "; statements 1-" + committedStatements + " of this migration "
                            + "were committed before the failure (autocommit block) and stay applied, the version table stays at "
                            + heads(committed);
                    throw new MigrationException("revision " + node.id() + " (" + direction.word() + "): statement " + (i + 1)
                            + " failed: " + oneLine(statement.sql()) + ": " + oneLine(e.getMessage()) + partial, e);
                }
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            List<String> bookkeeping = new ArrayList<>();
            for (String id : heads) if (!next.contains(id)) bookkeeping.add(versionTable.deleteSql(id));
            for (String id : next) if (!heads.contains(id)) bookkeeping.add(versionTable.insertSql(id));
            bookkeeping.add(historyTable.appendSql(node.id(), direction.word(), checksum, node.message(), duration, sink.origin()));
            sink.executeAll(bookkeeping);
            if (perMigration) {
                sink.commit();
                committed = next;
            }
            heads = next;
            steps.add(new Step(direction, node, duration));
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
