package dev.retort.runtime.internal;

import static dev.retort.postgres.PostgresSql.quote;
import static java.util.Objects.requireNonNull;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import dev.retort.runtime.Direction;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.Validation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
    /**
     * How to run: one transaction per migration or one for the whole run, how long to wait for the
     * lock, the session time zone the migrations run in, and the lock and statement timeouts their
     * statements run under (each migration's {@code @Timeouts} over them).
     */
    public record Options(
            boolean transactionPerMigration, Duration lockTimeout, String timeZone, MigrationTimeouts timeouts) {
        public static final Options DEFAULTS = new Options(true, Duration.ofMinutes(5));

        /** In the default time zone, {@link MigrationTimeZone#DEFAULT}. */
        public Options(boolean transactionPerMigration, Duration lockTimeout) {
            this(transactionPerMigration, lockTimeout, MigrationTimeZone.DEFAULT);
        }

        /** With the default timeouts, {@link MigrationTimeouts#DEFAULT}. */
        public Options(boolean transactionPerMigration, Duration lockTimeout, String timeZone) {
            this(transactionPerMigration, lockTimeout, timeZone, MigrationTimeouts.DEFAULT);
        }

        /** The one check of the lock timeout's range and the zone, for the facade's builder and every other caller. */
        public Options {
            MigrationTimeZone.check(timeZone);
            requireNonNull(timeouts, "timeouts");
            if (lockTimeout.isNegative() || lockTimeout.compareTo(Retort.MAX_LOCK_TIMEOUT) > 0) {
                throw new IllegalArgumentException("lock timeout out of range (0 to "
                        + Retort.MAX_LOCK_TIMEOUT.toSeconds() + " s): " + lockTimeout.toSeconds() + " s");
            }
        }
    }

    private final MigrationSet migrations;
    private final VersionTable versionTable;
    private final String defaultSchema;
    private final Options options;
    private final MigrationListener listener;

    /** @param defaultSchema the schema unqualified names resolve to, first on the search path of offline scripts too */
    public Migrator(
            MigrationSet migrations,
            VersionTable versionTable,
            String defaultSchema,
            Options options,
            MigrationListener listener) {
        this.migrations = migrations;
        this.versionTable = versionTable;
        this.defaultSchema = defaultSchema;
        this.options = options;
        this.listener = listener;
    }

    public Migrator(MigrationSet migrations, VersionTable versionTable, Options options, MigrationListener listener) {
        this(migrations, versionTable, VersionTable.DEFAULT_SCHEMA, options, listener);
    }

    public Migrator(MigrationSet migrations, VersionTable versionTable) {
        this(migrations, versionTable, Options.DEFAULTS, new MigrationListener() {});
    }

    public MigrationSet migrations() {
        return migrations;
    }

    /**
     * The revisions the database is at; empty at base. A version table that holds a revision
     * together with its ancestor is refused.
     */
    public Set<String> current(Connection connection) throws SQLException {
        VersionTable at = versionTable.locate(connection);
        Set<String> heads = at.readHere(connection);
        List<Validation.Problem> overlap = Validator.overlap(migrations.graph(), at, heads);
        if (!overlap.isEmpty()) throw refusal(overlap.get(0));
        return heads;
    }

    /** Where the version table is: the configured one, or the one found in another schema of the search path. */
    public VersionTable versionTable(Connection connection) throws SQLException {
        return versionTable.locate(connection);
    }

    /** Every run recorded in the history table, oldest first. */
    public List<HistoryEntry> history(Connection connection) throws SQLException {
        return new HistoryTable(versionTable.locate(connection)).read(connection);
    }

    /** The revisions {@code upgrade heads} would apply, in order; empty when the database is up to date. */
    public List<RevisionNode> pending(Connection connection) throws SQLException {
        RevisionGraph graph = migrations.graph();
        Set<String> current = current(connection);
        for (String id : current) graph.node(id);
        return graph.upgradePath(current, graph.heads());
    }

    public RunResult upgrade(Connection connection, String target) throws SQLException {
        return locked(
                connection,
                true,
                (tables, before) ->
                        run(new Sink.Jdbc(connection), tables, Direction.UPGRADE, before, upPath(before, target)));
    }

    public RunResult downgrade(Connection connection, String target) throws SQLException {
        return locked(
                connection,
                true,
                (tables, before) ->
                        run(new Sink.Jdbc(connection), tables, Direction.DOWNGRADE, before, downPath(before, target)));
    }

    /**
     * Applies or undoes exactly one revision, under the lock: its upgrade when everything it needs is
     * applied and it is not, its downgrade when it is applied and nothing applied needs it (the
     * stairway's steps). Anything else is a {@link MigrationException} naming the revision.
     */
    public RunResult step(Connection connection, Direction direction, String revision) throws SQLException {
        RevisionGraph graph = migrations.graph();
        RevisionNode node = graph.node(graph.resolve(revision));
        return locked(connection, true, (tables, before) -> {
            Set<String> applied = graph.ancestorsOf(before);
            boolean ready = direction == Direction.UPGRADE
                    ? !applied.contains(node.id())
                            && applied.containsAll(graph.ancestorsOf(List.of(node.id())).stream()
                                    .filter(id -> !id.equals(node.id()))
                                    .toList())
                    : before.contains(node.id());
            if (!ready) {
                throw new MigrationException(
                        node.id(),
                        "revision " + node.id() + " cannot be " + direction.word() + "d on its own from "
                                + heads(before),
                        null);
            }
            return run(new Sink.Jdbc(connection), tables, direction, before, List.of(node));
        });
    }

    /** The SQL script of an upgrade from the {@code from} heads to {@code target}, without a connection. */
    public String upgradeScript(Set<String> from, String target) throws SQLException {
        Sink.OfflineScript script = prelude("upgrade " + heads(from) + " -> " + target);
        run(script, new Tables(versionTable, false), Direction.UPGRADE, from, upPath(from, target));
        return script.toString();
    }

    /** The SQL script of a downgrade from the {@code from} heads to {@code target}, without a connection. */
    public String downgradeScript(Set<String> from, String target) throws SQLException {
        Sink.OfflineScript script = prelude("downgrade " + heads(from) + " -> " + target);
        run(script, new Tables(versionTable, true), Direction.DOWNGRADE, from, downPath(from, target));
        return script.toString();
    }

    /**
     * Sets the version table to the given revisions ({@code base} for none) without running any
     * migration. {@code purge} first empties the table even of revisions no migration declares.
     */
    public RunResult stamp(Connection connection, List<String> revisions, boolean purge) throws SQLException {
        return locked(
                connection,
                !purge,
                (tables, before) -> Stamp.run(
                        new Sink.Jdbc(connection),
                        tables,
                        before,
                        Stamp.targets(migrations.graph(), revisions),
                        purge));
    }

    /** The SQL script that stamps an existing database to the given revisions, without a connection. */
    public String stampScript(List<String> revisions) throws SQLException {
        Set<String> targets = Stamp.targets(migrations.graph(), revisions);
        Sink.OfflineScript script = prelude("stamp " + heads(targets));
        Stamp.run(script, new Tables(versionTable, false), Set.of(), targets, true);
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

    /**
     * A script's head. The tables are created by the first block that writes to them, in its
     * transaction (after its migration, which may create their schema), and every block first
     * checks the version table is where it expects: apply with {@code psql -v ON_ERROR_STOP=1}. A
     * default schema other than {@code public} comes first on the search path, and the time zone is set, as in an
     * online run.
     */
    private Sink.OfflineScript prelude(String what) {
        Sink.OfflineScript script = new Sink.OfflineScript();
        script.note("Retort offline script: " + what);
        script.comment(
                "Apply with psql -v ON_ERROR_STOP=1: each block first checks that the version table is where the block expects,"
                        + " and aborts the script otherwise");
        script.execute(MigrationTimeZone.sql(options.timeZone()));
        if (!defaultSchema.equals(VersionTable.DEFAULT_SCHEMA))
            script.execute("SET search_path TO " + quote(defaultSchema) + ", public");
        return script;
    }

    /** Compares the applied revisions with the migrations: edited, missing, unknown and inconsistent ones. */
    public Validation validate(Connection connection) throws SQLException {
        return Validator.validate(migrations, versionTable.locate(connection), connection);
    }

    /** Records that an applied revision's current content is accepted, so the edit no longer stops runs. */
    public void accept(Connection connection, String revision) throws SQLException {
        locked(connection, false, (tables, before) -> {
            RevisionGraph graph = migrations.graph();
            String id = graph.resolve(revision);
            if (!graph.ancestorsOf(before.stream().filter(graph::contains).toList())
                    .contains(id)) {
                throw new MigrationException(
                        id,
                        "cannot accept revision " + id + ": it is not applied (the database is at " + heads(before)
                                + "); only an applied revision's edit can be accepted",
                        null);
            }
            Sink.Jdbc sink = new Sink.Jdbc(connection);
            if (!tables.exist()) tables.create(sink);
            sink.execute(tables.history()
                    .appendSql(
                            id,
                            HistoryTable.ACCEPT,
                            migrations.checksum(id),
                            "accepted edit",
                            Duration.ZERO,
                            sink.origin()));
            return null;
        });
    }

    /** What a command does under the lock, given its tables and the heads before. */
    private interface LockedWork<T> {
        T run(Tables tables, Set<String> before) throws SQLException;
    }

    /**
     * Takes the lock, finds the tables, refuses edited, unknown or overlapping applied revisions
     * when asked to, then works. Missing tables are created by the work's first write. A connection
     * handed over with autocommit off (a pool's setting) is switched to autocommit for the run, which
     * makes its own transactions, and switched back afterwards.
     */
    private <T> T locked(Connection connection, boolean refuseBlocking, LockedWork<T> work) throws SQLException {
        if (connection.getAutoCommit()) return lockedInAutocommit(connection, refuseBlocking, work);
        connection.setAutoCommit(true);
        try {
            return lockedInAutocommit(connection, refuseBlocking, work);
        } finally {
            if (!connection.isClosed()) connection.setAutoCommit(false);
        }
    }

    private <T> T lockedInAutocommit(Connection connection, boolean refuseBlocking, LockedWork<T> work)
            throws SQLException {
        try (MigrationLock ignored =
                MigrationLock.acquire(connection, versionTable, options.lockTimeout(), listener::waitingForLock)) {
            VersionTable at = versionTable.locate(connection);
            Tables tables = new Tables(
                    at, at.exists(connection) && VersionTable.exists(connection, new HistoryTable(at).qualified()));
            Set<String> before = at.readHere(connection);
            List<Validation.Problem> blocking = refuseBlocking
                    ? Validator.validate(migrations, at, before, connection).blocking()
                    : List.of();
            if (!blocking.isEmpty()) throw refusal(blocking.get(0));
            String previousZone = MigrationTimeZone.set(connection, options.timeZone());
            try {
                return work.run(tables, before);
            } finally {
                MigrationTimeZone.restore(connection, previousZone);
            }
        }
    }

    /** The error that stops a command at a problem {@code validate} would report. */
    private static MigrationException refusal(Validation.Problem problem) {
        return new MigrationException(problem.revision(), problem.message(), null);
    }

    private RunResult run(Sink sink, Tables tables, Direction direction, Set<String> before, List<RevisionNode> path)
            throws SQLException {
        if (direction == Direction.DOWNGRADE) for (RevisionNode node : path) migrations.requireDowngrade(node.id());
        return new MigrationRun(
                        migrations,
                        options.transactionPerMigration(),
                        options.timeouts(),
                        listener,
                        sink,
                        tables,
                        before)
                .run(direction, path);
    }

    /** Revisions as messages name them: comma-separated, or {@code base} for none. */
    static String heads(Set<String> heads) {
        return heads.isEmpty() ? Targets.BASE : String.join(", ", new TreeSet<>(heads));
    }
}
