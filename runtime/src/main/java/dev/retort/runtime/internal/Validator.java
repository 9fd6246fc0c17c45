package dev.retort.runtime.internal;

import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.PartialRun;
import dev.retort.runtime.Validation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares what the version table and the history say ran with the migrations as they are now. */
final class Validator {
    private final MigrationSet migrations;
    private final Set<String> current;
    private final Map<String, String> applied;
    private final Set<String> known = new TreeSet<>();
    private final List<Validation.Problem> problems = new ArrayList<>();

    private Validator(MigrationSet migrations, Set<String> current, Map<String, String> applied) {
        this.migrations = migrations;
        this.current = current;
        this.applied = new TreeMap<>(applied);
        migrations.graph().inOrder().forEach(node -> known.add(node.id()));
    }

    /** Edited, missing, unknown, inconsistent and unverifiable applied revisions, for the tables at {@code at}. */
    static Validation validate(MigrationSet migrations, VersionTable at, Connection connection) throws SQLException {
        return validate(migrations, at, at.readHere(connection), connection);
    }

    /** The same, for the revisions {@code current} already read from the version table at {@code at}. */
    static Validation validate(MigrationSet migrations, VersionTable at, Set<String> current, Connection connection)
            throws SQLException {
        List<Validation.Problem> problems = new ArrayList<>(overlap(migrations.graph(), at, current));
        List<HistoryEntry> history = new HistoryTable(at).read(connection);
        problems.addAll(compare(migrations, current, HistoryTable.appliedChecksums(history))
                .problems());
        StatementRun.unresolved(history).ifPresent(entry -> {
            PartialRun partial = StatementRun.partialRun(migrations, entry);
            List<String> parents = migrations.graph().contains(entry.revision())
                    ? migrations.graph().node(entry.revision()).revises()
                    : List.of();
            List<String> commands = StatementRun.resumeAndUndo(partial.direction(), entry.revision(), parents);
            problems.add(new Validation.Problem(
                    Validation.Kind.PARTIAL,
                    entry.revision(),
                    String.join("\n", partial.lines()) + "\nrun " + commands.get(0) + " to resume it, or "
                            + commands.get(1) + " to undo its statements"));
        });
        return new Validation(problems);
    }

    /**
     * @param current the revisions the version table names
     * @param applied for each revision the history says is applied, the checksum recorded then (null for none)
     */
    static Validation compare(MigrationSet migrations, Set<String> current, Map<String, String> applied) {
        Validator validator = new Validator(migrations, current, applied);
        validator.unknown();
        Set<String> appliedNow = migrations
                .graph()
                .ancestorsOf(current.stream().filter(validator.known::contains).toList());
        validator.missingOrEdited(appliedNow);
        validator.unverifiable(appliedNow);
        return new Validation(validator.problems);
    }

    private void unknown() {
        for (String id : current) {
            if (!known.contains(id)) {
                add(
                        Validation.Kind.UNKNOWN,
                        id,
                        "the database is at revision " + id
                                + ", which no migration declares (is this the right migrations folder?)");
            }
        }
    }

    private void missingOrEdited(Set<String> appliedNow) {
        for (Map.Entry<String, String> entry : applied.entrySet()) {
            String id = entry.getKey();
            if (!known.contains(id)) {
                if (!current.contains(id))
                    add(
                            Validation.Kind.MISSING,
                            id,
                            "revision " + id + " was applied, and no migration declares it any more");
            } else if (appliedNow.contains(id)
                    && entry.getValue() != null
                    && !entry.getValue().equals(migrations.checksum(id))) {
                add(
                        Validation.Kind.EDITED,
                        id,
                        "revision " + id + " (" + migrations.source(id) + ") was edited after it was applied: "
                                + "it no longer does what ran; undo the edit, or accept it deliberately with 'retort validate --accept "
                                + id + "'");
            }
        }
    }

    private void unverifiable(Set<String> appliedNow) {
        for (String id : new TreeSet<>(appliedNow)) {
            if (applied.get(id) == null) {
                add(
                        Validation.Kind.UNVERIFIABLE,
                        id,
                        "revision " + id + " (" + migrations.source(id) + ") is applied, and the history has "
                                + (applied.containsKey(id) ? "no checksum" : "no row")
                                + " for it (stamped, or recorded by another tool), so an "
                                + "edit cannot be detected; record its current content with 'retort validate --accept "
                                + id + "'");
            }
        }
    }

    private void add(Validation.Kind kind, String id, String message) {
        problems.add(new Validation.Problem(kind, id, message));
    }

    /**
     * Revisions recorded together with one of their ancestors: no run leaves the table so, a
     * script applied twice does, and running on from there would apply migrations again.
     */
    static List<Validation.Problem> overlap(RevisionGraph graph, VersionTable at, Set<String> heads) {
        List<String> known = heads.stream().filter(graph::contains).toList();
        Set<String> below = new TreeSet<>();
        for (String id : known) {
            Set<String> ancestors = graph.ancestorsAlongRevises(List.of(id));
            ancestors.remove(id);
            below.addAll(ancestors);
        }
        below.retainAll(known);
        if (below.isEmpty()) return List.of();
        Set<String> tops = new TreeSet<>(known);
        tops.removeAll(below);
        return below.stream()
                .map(id -> new Validation.Problem(
                        Validation.Kind.INCONSISTENT,
                        id,
                        "the version table "
                                + at.qualified() + " holds revision " + id + " together with its descendant "
                                + String.join(", ", tops) + ", as after a script"
                                + " applied twice: check what ran, then repair it with 'retort stamp --purge "
                                + String.join(" ", tops) + "'"))
                .toList();
    }
}
