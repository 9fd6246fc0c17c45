package dev.retort.runtime;

import dev.retort.op.Op;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import dev.retort.runtime.sql.PostgresSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Applies migrations to a PostgreSQL database: each migration in its own transaction together with
 * its version-table update, under an advisory lock so that concurrent runners take turns.
 *
 * <p>A failing statement rolls its migration back, so the version table stays at the last revision
 * that completed, and is reported as a {@link MigrationException} naming the revision, the
 * statement and the server's message.
 */
public final class Migrator {
    /** Which way a step goes. */
    public enum Direction { UPGRADE, DOWNGRADE }

    /** One migration applied: which, which way, and how long it took. */
    public record Step(Direction direction, RevisionNode revision, Duration duration) {}

    /** What a run did: the heads before and after, and the steps in order. */
    public record Result(Set<String> before, Set<String> after, List<Step> steps) {}

    private final MigrationSet migrations;
    private final VersionTable versionTable;
    private final Consumer<RevisionNode> beforeUpgrade;
    private final Consumer<RevisionNode> beforeDowngrade;

    public Migrator(MigrationSet migrations, VersionTable versionTable,
                    Consumer<RevisionNode> beforeUpgrade, Consumer<RevisionNode> beforeDowngrade) {
        this.migrations = migrations;
        this.versionTable = versionTable;
        this.beforeUpgrade = beforeUpgrade;
        this.beforeDowngrade = beforeDowngrade;
    }

    public Migrator(MigrationSet migrations, VersionTable versionTable) {
        this(migrations, versionTable, node -> { }, node -> { });
    }

    /** The revisions the database is at; empty at base. */
    public Set<String> current(Connection connection) throws SQLException {
        return versionTable.read(connection);
    }

    public Result upgrade(Connection connection, String target) throws SQLException {
        return locked(connection, () -> {
            Set<String> before = current(connection);
            RevisionGraph graph = migrations.graph();
            List<RevisionNode> path = graph.upgradePath(before, Targets.upgrade(graph, target, before));
            return run(connection, Direction.UPGRADE, before, path);
        });
    }

    public Result downgrade(Connection connection, String target) throws SQLException {
        return locked(connection, () -> {
            Set<String> before = current(connection);
            RevisionGraph graph = migrations.graph();
            List<RevisionNode> path = graph.downgradePath(before, Targets.downgrade(graph, target, before));
            return run(connection, Direction.DOWNGRADE, before, path);
        });
    }

    private Result run(Connection connection, Direction direction, Set<String> before, List<RevisionNode> path)
            throws SQLException {
        Set<String> heads = new TreeSet<>(before);
        List<Step> steps = new ArrayList<>();
        for (RevisionNode node : path) {
            (direction == Direction.UPGRADE ? beforeUpgrade : beforeDowngrade).accept(node);
            long started = System.nanoTime();
            Set<String> next = direction == Direction.UPGRADE ? afterUpgrade(heads, node) : afterDowngrade(heads, node);
            apply(connection, direction, node, heads, next);
            heads = next;
            steps.add(new Step(direction, node, Duration.ofNanos(System.nanoTime() - started)));
        }
        return new Result(Set.copyOf(before), Set.copyOf(heads), List.copyOf(steps));
    }

    private void apply(Connection connection, Direction direction, RevisionNode node, Set<String> heads, Set<String> next)
            throws SQLException {
        List<String> statements = statements(direction, node);
        connection.setAutoCommit(false);
        try {
            versionTable.create(connection);
            for (int i = 0; i < statements.size(); i++) {
                try (Statement st = connection.createStatement()) {
                    st.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new MigrationException("revision " + node.id() + " (" + direction.name().toLowerCase() + "): statement "
                            + (i + 1) + " failed: " + oneLine(statements.get(i)) + ": " + oneLine(e.getMessage()), e);
                }
            }
            Set<String> removed = new TreeSet<>(heads);
            removed.removeAll(next);
            Set<String> added = new TreeSet<>(next);
            added.removeAll(heads);
            versionTable.replace(connection, removed, added);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The SQL of one migration's upgrade or downgrade; a migration that throws is reported, not run. */
    public List<String> statements(Direction direction, RevisionNode node) {
        Migration migration = migrations.instantiate(node.id());
        Ops ops = new Ops();
        try {
            if (direction == Direction.UPGRADE) migration.upgrade(ops); else migration.downgrade(ops);
        } catch (RuntimeException e) {
            throw new MigrationException("revision " + node.id() + ": " + direction.name().toLowerCase() + "() of "
                    + node.source() + " threw " + e, e);
        }
        List<String> statements = new ArrayList<>();
        for (Op op : ops.operations()) statements.addAll(PostgresSql.statements(op));
        return statements;
    }

    private Set<String> afterUpgrade(Set<String> heads, RevisionNode node) {
        Set<String> next = new TreeSet<>(heads);
        next.removeAll(migrations.graph().ancestorsOf(node.parents()));
        next.add(node.id());
        return next;
    }

    private Set<String> afterDowngrade(Set<String> heads, RevisionNode node) {
        Set<String> next = new TreeSet<>(heads);
        next.remove(node.id());
        Set<String> stillBelow = migrations.graph().ancestorsOf(next);
        for (String parent : new LinkedHashSet<>(node.parents())) if (!stillBelow.contains(parent)) next.add(parent);
        return next;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs work under a session advisory lock keyed on the version table; closing the session releases it. */
    private <T> T locked(Connection connection, Work<T> work) throws SQLException {
        String key = "retort:" + versionTable.name();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, key);
            lock.execute();
        }
        try {
            return work.run();
        } finally {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, key);
                unlock.execute();
            }
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
