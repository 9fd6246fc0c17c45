package dev.retort.revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Revisions in an order where every revision comes after those its edges name (Kahn's algorithm, ids
 * taken in sorted order, so the order is deterministic), and, when the edges form a cycle, the cycle.
 */
final class TopologicalOrder {
    private final Map<String, RevisionNode> nodes;
    private final Function<RevisionNode, List<String>> edges;
    private final List<String> ids;

    TopologicalOrder(Map<String, RevisionNode> nodes, Function<RevisionNode, List<String>> edges) {
        this.nodes = nodes;
        this.edges = edges;
        this.ids = sort();
    }

    /** The revisions in order; without those on or behind a cycle. */
    List<String> ids() {
        return ids;
    }

    /** Whether every revision was placed: no cycle. */
    boolean isComplete() {
        return ids.size() == nodes.size();
    }

    /**
     * A cycle, its first revision repeated at the end. Every revision left over has an edge to another
     * left-over one, so following them from the first reaches a repeat.
     */
    List<String> cycle() {
        Set<String> stuck = new TreeSet<>(nodes.keySet());
        ids.forEach(stuck::remove);
        List<String> path = new ArrayList<>();
        String at = stuck.iterator().next();
        while (!path.contains(at)) {
            path.add(at);
            at = edges.apply(nodes.get(at)).stream()
                    .filter(stuck::contains)
                    .findFirst()
                    .orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        cycle.add(at);
        return cycle;
    }

    private List<String> sort() {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> after = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        for (RevisionNode node : nodes.values()) {
            Set<String> before = new LinkedHashSet<>(edges.apply(node));
            pending.put(node.id(), before.size());
            for (String b : before)
                after.computeIfAbsent(b, k -> new ArrayList<>()).add(node.id());
            if (before.isEmpty()) ready.add(node.id());
        }
        List<String> sorted = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String id = ready.pollFirst();
            sorted.add(id);
            for (String next : after.getOrDefault(id, List.of())) {
                if (pending.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        }
        return List.copyOf(sorted);
    }
}
