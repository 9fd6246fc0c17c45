package dev.retort.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import dev.retort.runtime.Direction;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.PartialRun;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.Validation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** The database offline scripts are written for; online, the connection's. */
    private final RunnerDialect scriptDialect;

    /**
     * @param defaultSchema the schema unqualified names resolve to, first on the search path of offline scripts too
     * @param scripts the database offline scripts are written for
     * @param mysqlScripts whether the MariaDB dialect's scripts are written for a MySQL server
     */
    public Migrator(
            MigrationSet migrations,
            VersionTable versionTable,
            String defaultSchema,
            Options options,
            MigrationListener listener,
            Dialect scripts,
            boolean mysqlScripts) {
        this.migrations = migrations;
        this.versionTable = versionTable;
        this.defaultSchema = defaultSchema;
        this.options = options;
        this.listener = listener;
        this.scriptDialect =
                mysqlScripts && scripts == Dialect.MARIADB ? MariaDbRunner.MYSQL : RunnerDialect.of(scripts);
    }

    /** Writing offline scripts for PostgreSQL. */
    public Migrator(
            MigrationSet migrations,
            VersionTable versionTable,
            String defaultSchema,
            Options options,
            MigrationListener listener) {
        this(migrations, versionTable, defaultSchema, options, listener, Dialect.POSTGRESQL, false);
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

    /**
     * The run that left the database between two revisions, on a database without transactional DDL: how many of
     * its statements committed, each one with its SQL; empty when there is none.
     */
    public Optional<PartialRun> partialRun(Connection connection) throws SQLException {
        VersionTable at = versionTable.locate(connection);
        Optional<HistoryEntry> entry = StatementRun.unresolved(new HistoryTable(at).read(connection));
        if (entry.isEmpty()) return Optional.empty();
        return Optional.of(StatementRun.partialRun(migrations.on(at.dialect().sql()), entry.get()));
    }

    /** The revisions {@code upgrade heads} would apply, in order; empty when the database is up to date. */
    public List<RevisionNode> pending(Connection connection) throws SQLException {
        RevisionGraph graph = migrations.graph();
        Set<String> current = current(connection);
        for (String id : current) graph.node(id);
        return graph.upgradePath(current, graph.heads());
    }

    public RunResult upgrade(Connection connection, String target) throws SQLException {
        return locked(connection, true, (held, before) -> run(held, Direction.UPGRADE, before, upPath(before, target)));
    }

    public RunResult downgrade(Connection connection, String target) throws SQLException {
        return locked(
                connection, true, (held, before) -> run(held, Direction.DOWNGRADE, before, downPath(before, target)));
    }

    /**
     * Applies or undoes exactly one revision, under the lock: its upgrade when everything it needs is
     * applied and it is not, its downgrade when it is applied and nothing applied needs it (the
     * stairway's steps). Anything else is a {@link MigrationException} naming the revision.
     */
    public RunResult step(Connection connection, Direction direction, String revision) throws SQLException {
        RevisionGraph graph = migrations.graph();
        RevisionNode node = graph.node(graph.resolve(revision));
        return locked(connection, true, (held, before) -> {
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
            return run(held, direction, before, List.of(node));
        });
    }

    /** The SQL script of an upgrade from the {@code from} heads to {@code target}, without a connection. */
    public String upgradeScript(Set<String> from, String target) throws SQLException {
        Sink.OfflineScript script = prelude("upgrade " + heads(from) + " -> " + target);
        run(offline(script), Direction.UPGRADE, from, upPath(from, target));
        return script.toString();
    }

    /** The SQL script of a downgrade from the {@code from} heads to {@code target}, without a connection. */
    public String downgradeScript(Set<String> from, String target) throws SQLException {
        Sink.OfflineScript script = prelude("downgrade " + heads(from) + " -> " + target);
        run(
                new Held(script, new Tables(scriptTable(), true), scriptMigrations(), scriptDialect, Optional.empty()),
                Direction.DOWNGRADE,
                from,
                downPath(from, target));
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
                (held, before) -> Stamp.run(
                        held.sink(), held.tables(), before, Stamp.targets(migrations.graph(), revisions), purge));
    }

    /** The SQL script that stamps an existing database to the given revisions, without a connection. */
    public String stampScript(List<String> revisions) throws SQLException {
        Set<String> targets = Stamp.targets(migrations.graph(), revisions);
        Sink.OfflineScript script = prelude("stamp " + heads(targets));
        Stamp.run(script, new Tables(scriptTable(), false), Set.of(), targets, true);
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
     * online run; on MariaDB the script's text is read as UTF-8 whatever the client's default.
     */
    private Sink.OfflineScript prelude(String what) {
        Sink.OfflineScript script = new Sink.OfflineScript(scriptDialect);
        script.note("Retort offline script: " + what);
        script.comment(scriptDialect.scriptUsage());
        String note = scriptDialect.scriptNote();
        if (note != null) script.comment(note);
        String encoding = scriptDialect.scriptEncodingSql();
        if (encoding != null) script.execute(encoding);
        script.execute(scriptDialect.timeZoneSql(options.timeZone()));
        String searchPath = scriptDialect.searchPathSql(defaultSchema);
        if (!defaultSchema.equals(VersionTable.DEFAULT_SCHEMA) && searchPath != null) script.execute(searchPath);
        return script;
    }

    /** Compares the applied revisions with the migrations: edited, missing, unknown and inconsistent ones. */
    public Validation validate(Connection connection) throws SQLException {
        VersionTable at = versionTable.locate(connection);
        return Validator.validate(migrations.on(at.dialect().sql()), at, connection);
    }

    /** Records that an applied revision's current content is accepted, so the edit no longer stops runs. */
    public void accept(Connection connection, String revision) throws SQLException {
        locked(connection, false, (held, before) -> {
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
            Sink sink = held.sink();
            Tables tables = held.tables();
            if (!tables.exist()) tables.create(sink);
            sink.execute(tables.history()
                    .appendSql(
                            id,
                            HistoryTable.ACCEPT,
                            held.migrations().checksum(id),
                            "accepted edit",
                            Duration.ZERO,
                            sink.origin()));
            return null;
        });
    }

    /** What a command does under the lock, given what it holds and the heads before. */
    private interface LockedWork<T> {
        T run(Held held, Set<String> before) throws SQLException;
    }

    /**
     * What a command works with under the lock: where its statements go, the tables, the migrations rendered for
     * the database, the database's runner and the run it left unresolved (none on PostgreSQL).
     */
    private record Held(
            Sink sink,
            Tables tables,
            MigrationSet migrations,
            RunnerDialect dialect,
            Optional<HistoryEntry> unresolved) {}

    /** An offline script's: the tables as they will be once the script has run its first block. */
    private Held offline(Sink.OfflineScript script) {
        return new Held(script, new Tables(scriptTable(), false), scriptMigrations(), scriptDialect, Optional.empty());
    }

    private VersionTable scriptTable() {
        return versionTable.on(scriptDialect);
    }

    private MigrationSet scriptMigrations() {
        return migrations.on(scriptDialect.sql());
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
        RunnerDialect dialect = RunnerDialect.of(connection);
        try (RunnerDialect.Held ignored =
                dialect.lock(connection, versionTable.on(dialect), options.lockTimeout(), listener::waitingForLock)) {
            VersionTable at = versionTable.locate(connection);
            HistoryTable history = new HistoryTable(at);
            Tables tables = new Tables(at, at.exists(connection) && history.exists(connection));
            MigrationSet rendered = migrations.on(dialect.sql());
            Set<String> before = at.readHere(connection);
            List<Validation.Problem> blocking = refuseBlocking
                    ? Validator.validate(rendered, at, before, connection).blocking()
                    : List.of();
            if (!blocking.isEmpty()) throw refusal(blocking.get(0));
            Optional<HistoryEntry> unresolved = dialect.transactionalDdl() || !tables.exist()
                    ? Optional.empty()
                    : StatementRun.unresolved(history.read(connection));
            Map<String, String> previous = new LinkedHashMap<>();
            for (String setting : dialect.settingsOfARun())
                previous.put(setting, dialect.set(connection, setting, "DEFAULT"));
            String previousZone = MigrationTimeZone.set(connection, dialect, options.timeZone());
            Map<String, String> asWritten = new LinkedHashMap<>();
            for (Map.Entry<String, String> setting :
                    dialect.literalSettings(connection).entrySet())
                asWritten.put(setting.getKey(), dialect.set(connection, setting.getKey(), setting.getValue()));
            previous.putAll(asWritten);
            try {
                return work.run(
                        new Held(new Sink.Jdbc(connection, dialect, asWritten), tables, rendered, dialect, unresolved),
                        before);
            } finally {
                MigrationTimeZone.restore(connection, dialect, previousZone);
                if (!connection.isClosed())
                    for (Map.Entry<String, String> setting : previous.entrySet())
                        dialect.set(connection, setting.getKey(), setting.getValue());
            }
        }
    }

    /** The error that stops a command at a problem {@code validate} would report. */
    private static MigrationException refusal(Validation.Problem problem) {
        return new MigrationException(problem.revision(), problem.message(), null);
    }

    private RunResult run(Held held, Direction direction, Set<String> before, List<RevisionNode> path)
            throws SQLException {
        MigrationSet rendered = held.migrations();
        if (direction == Direction.DOWNGRADE) for (RevisionNode node : path) rendered.requireDowngrade(node.id());
        if (!held.dialect().transactionalDdl()) {
            return new StatementRun(
                            rendered,
                            options.timeouts(),
                            listener,
                            held.sink(),
                            held.tables(),
                            held.dialect(),
                            before,
                            held.unresolved())
                    .run(direction, path);
        }
        return new MigrationRun(
                        rendered,
                        options.transactionPerMigration(),
                        options.timeouts(),
                        listener,
                        held.sink(),
                        held.tables(),
                        before)
                .run(direction, path);
    }

    /** Revisions as messages name them: comma-separated, or {@code base} for none. */
    /** The line a run notes before one migration: {@code Running upgrade a -> b, message}. */
    static String running(Direction direction, RevisionNode node) {
        String revises = heads(Set.copyOf(node.revises()));
        return "Running " + direction.word() + " "
                + (direction == Direction.UPGRADE ? revises + " -> " + node.id() : node.id() + " -> " + revises)
                + ", " + node.message();
    }

    static String heads(Set<String> heads) {
        return heads.isEmpty() ? Targets.BASE : String.join(", ", new TreeSet<>(heads));
    }
}
