package dev.retort.runtime.internal;

import dev.retort.diff.Differ;
import dev.retort.op.Op;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Direction;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.StairwayResult;
import dev.retort.runtime.StairwayResult.Outcome;
import dev.retort.runtime.StairwayResult.Step;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stairway: on a database at base, each revision in order is upgraded, its catalog read, downgraded
 * and compared with the catalog before its upgrade, then upgraded again and compared with the catalog
 * after its first upgrade. Catalogs are read by Retort's own reader for the database (its {@link
 * RunnerDialect#catalog}) and compared by its differ, so a
 * difference is an operation, as {@code check} would list it; a forward-only revision is applied and
 * not walked back. The walk stops at the first step that fails and leaves the database where it stopped.
 */
public final class StairwayWalk {
    private final Session session;
    private final Migrator migrator;
    private final List<String> schemas;
    private final String from;
    private final String to;

    public StairwayWalk(Session session, Migrator migrator, List<String> schemas) {
        this(session, migrator, schemas, null, null);
    }

    /**
     * A walk of the revisions from {@code from} (it and its descendants; null: from base) to {@code to} (it and
     * its ancestors; null: to the heads), given as ids; what a walked revision needs outside the range is
     * upgraded to first, not walked.
     */
    public StairwayWalk(Session session, Migrator migrator, List<String> schemas, String from, String to) {
        this.session = session;
        this.migrator = migrator;
        this.schemas = schemas.isEmpty() ? List.of(VersionTable.DEFAULT_SCHEMA) : List.copyOf(schemas);
        this.from = from;
        this.to = to;
    }

    public StairwayResult walk() {
        Set<String> current = session.run(migrator::current);
        if (!current.isEmpty()) {
            throw new MigrationException(
                    current.iterator().next(),
                    "the stairway starts at base, and the database is at " + Migrator.heads(current)
                            + ": walk it on a new, empty database",
                    null);
        }
        RevisionGraph graph = migrator.migrations().graph();
        Set<String> range = range(graph);
        List<Step> steps = new ArrayList<>();
        Schema before = catalog();
        for (RevisionNode node : graph.inOrder()) {
            if (!range.contains(node.id())) continue;
            List<String> outside = new ArrayList<>(node.revises());
            outside.addAll(node.dependsOn());
            outside.removeIf(range::contains);
            if (!outside.isEmpty()) {
                for (String requirement : outside) {
                    String failed = upgradeTo(requirement);
                    if (failed != null) {
                        steps.add(step(graph.node(requirement), Outcome.UPGRADE_FAILED, List.of(), failed));
                        return new StairwayResult(steps);
                    }
                }
                before = catalog();
            }
            Step step = step(node, before);
            steps.add(step);
            if (step.failed()) break;
            before = catalog();
        }
        return new StairwayResult(steps);
    }

    /** The revisions walked: descendants of {@code from} (all without it) that are ancestors of {@code to}. */
    private Set<String> range(RevisionGraph graph) {
        Set<String> range = new HashSet<>();
        Set<String> after =
                from == null ? null : graph.descendantsOf(graph.node(from).id());
        Set<String> before =
                to == null ? null : graph.ancestorsOf(List.of(graph.node(to).id()));
        for (RevisionNode node : graph.inOrder()) {
            if ((after == null || after.contains(node.id())) && (before == null || before.contains(node.id())))
                range.add(node.id());
        }
        return range;
    }

    /** Null when the database was upgraded to the revision (and what it needs); the error's one line when not. */
    private String upgradeTo(String revision) {
        try {
            session.run(c -> migrator.upgrade(c, revision));
            return null;
        } catch (MigrationException e) {
            return e.getMessage();
        }
    }

    private Step step(RevisionNode node, Schema before) {
        String id = node.id();
        String failed = run(Direction.UPGRADE, id);
        if (failed != null) return step(node, Outcome.UPGRADE_FAILED, List.of(), failed);
        String noDowngrade = migrator.migrations().bothWays(id).noDowngrade();
        if (noDowngrade != null) {
            return step(node, Outcome.FORWARD_ONLY, List.of(), "revision " + id + " has no downgrade: " + noDowngrade);
        }
        Schema after = catalog();
        failed = run(Direction.DOWNGRADE, id);
        if (failed != null) return step(node, Outcome.DOWNGRADE_FAILED, List.of(), failed);
        List<Op> missing = Differ.diff(catalog(), before).upgrade();
        if (!missing.isEmpty()) {
            return step(
                    node,
                    Outcome.NOT_RESTORED,
                    missing,
                    "revision " + id + ": its downgrade does not restore the schema its upgrade started from");
        }
        failed = run(Direction.UPGRADE, id);
        if (failed != null) {
            return step(node, Outcome.UPGRADE_FAILED, List.of(), "after its downgrade, " + failed);
        }
        List<Op> changed = Differ.diff(catalog(), after).upgrade();
        if (!changed.isEmpty()) {
            return step(
                    node,
                    Outcome.NOT_REPEATABLE,
                    changed,
                    "revision " + id
                            + ": upgraded again after its downgrade, it gives another schema than the first time");
        }
        return step(node, Outcome.RESTORED, List.of(), "revision " + id + ": up, down and up again");
    }

    private static Step step(RevisionNode node, Outcome outcome, List<Op> differences, String message) {
        return new Step(node.id(), node.source(), outcome, differences, message);
    }

    /** Null when the revision ran that way; the error's one line when it failed. */
    private String run(Direction direction, String revision) {
        try {
            session.run(c -> migrator.step(c, direction, revision));
            return null;
        } catch (MigrationException e) {
            return e.getMessage();
        }
    }

    /** The schemas as Retort's catalog reader sees them, without the version and history tables. */
    private Schema catalog() {
        return session.run(c -> {
            VersionTable versions = migrator.versionTable(c);
            Set<QualifiedName> own = Set.of(
                    name(versions.schema(), versions.name()),
                    name(versions.schema(), new HistoryTable(versions).name()));
            return RunnerDialect.of(c).catalog(c, schemas, own);
        });
    }

    private QualifiedName name(String schema, String table) {
        return new QualifiedName(schema.equals(schemas.get(0)) ? null : schema, table);
    }
}
