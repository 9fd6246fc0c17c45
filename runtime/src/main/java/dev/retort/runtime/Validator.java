package dev.retort.runtime;

import dev.retort.revision.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares what the version and history tables say ran with the migrations as they are now. */
final class Validator {
    private Validator() {}

    /** Edited, missing, unknown and inconsistent applied revisions, for the tables at {@code at}. */
    static Validation validate(MigrationSet migrations, VersionTable at, Connection connection) throws SQLException {
        RevisionGraph graph = migrations.graph();
        Set<String> known = new TreeSet<>();
        graph.inOrder().forEach(node -> known.add(node.id()));
        Set<String> current = at.readHere(connection);
        List<Validation.Problem> problems = new ArrayList<>(overlap(graph, at, current));
        for (String id : current) {
            if (!known.contains(id)) {
                problems.add(new Validation.Problem(Validation.Kind.UNKNOWN, id, "the database is at revision " + id
                        + ", which no migration declares (is this the right migrations folder?)"));
            }
        }
        Set<String> appliedNow = graph.ancestorsOf(current.stream().filter(known::contains).toList());
        Map<String, String> applied = HistoryTable.appliedChecksums(new HistoryTable(at).read(connection));
        for (Map.Entry<String, String> entry : new TreeMap<>(applied).entrySet()) {
            String id = entry.getKey();
            if (!known.contains(id)) {
                if (!current.contains(id)) {
                    problems.add(new Validation.Problem(Validation.Kind.MISSING, id, "revision " + id
                            + " was applied, and no migration declares it any more"));
                }
            } else if (appliedNow.contains(id) && entry.getValue() != null && !entry.getValue().equals(migrations.checksum(id))) {
                problems.add(new Validation.Problem(Validation.Kind.EDITED, id, "revision " + id + " (" + migrations.source(id)
                        + ") was edited after it was applied: it no longer does what ran; undo the edit, or accept it "
                        + "deliberately with 'retort validate --accept " + id + "'"));
            }
        }
        return new Validation(problems);
    }

    /**
     * Revisions recorded together with one of their ancestors: no run leaves the table so, a
     * script applied twice does, and running on from there would apply migrations again.
     */
    static List<Validation.Problem> overlap(RevisionGraph graph, VersionTable at, Set<String> heads) {
        List<String> known = heads.stream().filter(graph::contains).toList();
        Set<String> below = new TreeSet<>();
        for (String id : known) {
            Set<String> ancestors = graph.parentAncestorsOf(List.of(id));
            ancestors.remove(id);
            below.addAll(ancestors);
        }
        below.retainAll(known);
        if (below.isEmpty()) return List.of();
        Set<String> tops = new TreeSet<>(known);
        tops.removeAll(below);
        return below.stream().map(id -> new Validation.Problem(Validation.Kind.INCONSISTENT, id, "the version table "
                + at.qualified() + " holds revision " + id + " together with its descendant " + String.join(", ", tops) + ", as after a script"
                + " applied twice: check what ran, then repair it with 'retort stamp --purge " + String.join(" ", tops) + "'")).toList();
    }
}
