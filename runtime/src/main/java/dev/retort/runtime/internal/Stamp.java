package dev.retort.runtime.internal;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.Targets;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.RunResult;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Stamping: setting the version table to revisions without running a migration, online or in a script. */
final class Stamp {
    private Stamp() {}

    /** The revisions the specs name ({@code base} for none); two of which one is below the other are refused. */
    static Set<String> targets(RevisionGraph graph, List<String> revisions) {
        Set<String> targets = new TreeSet<>();
        for (String spec : revisions) {
            if (!spec.equals(Targets.BASE)) targets.addAll(Targets.upgrade(graph, spec, Set.of()));
        }
        for (String id : targets) {
            for (String other : targets) {
                if (!id.equals(other)
                        && graph.ancestorsAlongRevises(List.of(other)).contains(id)) {
                    throw new MigrationException(
                            "cannot stamp " + id + " and " + other + " together: " + id + " is below " + other);
                }
            }
        }
        return targets;
    }

    /** Sets the version table from {@code before} to {@code targets} in one transaction, with a history row per target. */
    static RunResult run(Sink sink, Tables tables, Set<String> before, Set<String> targets, boolean purge)
            throws SQLException {
        sink.note("Stamping " + Migrator.heads(before) + " -> " + Migrator.heads(targets));
        sink.begin();
        VersionTable versions = tables.versions();
        sink.guard(versions.expectSql(null));
        try {
            if (!tables.exist()) tables.create(sink);
            // a stamp says where the database is, which also settles a run left halfway
            if (!versions.dialect().transactionalDdl() && tables.exist())
                sink.execute("UPDATE " + tables.history().qualified()
                        + " SET status = 'stamped' WHERE status IN ('running', 'failed')");
            if (purge) {
                sink.execute(versions.deleteAllSql());
            } else {
                for (String id : before) if (!targets.contains(id)) sink.execute(versions.deleteSql(id));
            }
            for (String id : targets) if (purge || !before.contains(id)) sink.execute(versions.insertSql(id));
            for (String id : targets) {
                sink.execute(tables.history()
                        .appendSql(id, HistoryTable.STAMP, null, "stamp", Duration.ZERO, sink.origin()));
            }
            sink.commit();
        } catch (SQLException | RuntimeException e) {
            sink.rollback();
            throw e;
        }
        return new RunResult(Set.copyOf(before), Set.copyOf(targets), List.of());
    }
}
