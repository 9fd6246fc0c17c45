package dev.retort.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated graph of revisions: every parent exists, ids are unique, and there are no cycles.
 *
 * <p>Paths are computed as set differences of ancestor sets, so they are right for any graph shape;
 * relative targets ({@code +N}, {@code -N}) need a single line of history to walk.
 */
public final class RevisionGraph {
    private final Map<String, RevisionNode> nodes;
    private final Map<String, List<String>> children;
    private final List<String> order;

    private RevisionGraph(Map<String, RevisionNode> nodes) {
        this.nodes = nodes;
        this.children = new HashMap<>();
        for (RevisionNode node : nodes.values()) {
            for (String parent : node.parents()) children.computeIfAbsent(parent, p -> new ArrayList<>()).add(node.id());
        }
        children.values().forEach(list -> list.sort(String::compareTo));
        this.order = topologicalOrder();
    }

    /** Builds and validates a graph. */
    public static RevisionGraph of(Collection<RevisionNode> nodes) {
        Map<String, RevisionNode> byId = new LinkedHashMap<>();
        for (RevisionNode node : nodes) {
            RevisionNode earlier = byId.putIfAbsent(node.id(), node);
            if (earlier != null) throw new RevisionException.Duplicate(node.id(), earlier.source(), node.source());
        }
        for (RevisionNode node : byId.values()) {
            for (String parent : node.parents()) {
                if (parent.equals(node.id())) throw new RevisionException.Cycle(List.of(node.id(), node.id()));
                if (!byId.containsKey(parent)) throw new RevisionException.MissingParent(node.id(), parent);
            }
        }
        return new RevisionGraph(byId);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public RevisionNode node(String id) {
        RevisionNode node = nodes.get(id);
        if (node == null) throw new RevisionException.Unknown(id);
        return node;
    }

    /** Revisions that no other revision revises, sorted by id. */
    public List<String> heads() {
        List<String> heads = new ArrayList<>();
        for (String id : order) if (!children.containsKey(id)) heads.add(id);
        heads.sort(String::compareTo);
        return heads;
    }

    /** The only head; an error naming the heads when there are several, empty for no revisions. */
    public Optional<String> head() {
        List<String> heads = heads();
        if (heads.size() > 1) throw new RevisionException.MultipleHeads(heads);
        return heads.stream().findFirst();
    }

    /** All revisions, parents before children. */
    public List<RevisionNode> inOrder() {
        return order.stream().map(nodes::get).toList();
    }

    public List<String> childrenOf(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** Resolves a full id or a unique prefix of one. */
    public String resolve(String name) {
        if (nodes.containsKey(name)) return name;
        List<String> matches = new ArrayList<>(new TreeSet<>(nodes.keySet()).subSet(name, name + Character.MAX_VALUE));
        if (matches.isEmpty()) throw new RevisionException.Unknown(name);
        if (matches.size() > 1) throw new RevisionException.Ambiguous(name, matches);
        return matches.get(0);
    }

    /** The revision and all revisions it descends from. */
    public Set<String> ancestorsOf(Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) todo.addAll(node(id).parents());
        }
        return seen;
    }

    /** Revisions to apply, in order, to go from the {@code current} heads up to the {@code targets}. */
    public List<RevisionNode> upgradePath(Collection<String> current, Collection<String> targets) {
        Set<String> wanted = ancestorsOf(targets);
        wanted.removeAll(ancestorsOf(current));
        return order.stream().filter(wanted::contains).map(nodes::get).toList();
    }

    /**
     * Revisions to undo, in order, to go from the {@code current} heads down to {@code target}
     * (null for base).
     */
    public List<RevisionNode> downgradePath(Collection<String> current, String target) {
        Set<String> undo = ancestorsOf(current);
        if (target != null) {
            if (!undo.contains(target)) {
                throw new RevisionException.OutOfRange("revision " + target + " is not below the current revision; use upgrade");
            }
            undo.removeAll(ancestorsOf(List.of(target)));
        }
        List<RevisionNode> path = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) if (undo.contains(order.get(i))) path.add(nodes.get(order.get(i)));
        return path;
    }

    /** The revision {@code steps} revisions above {@code from} (null for base) on a single line. */
    public String stepUp(String from, int steps) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            List<String> next = at == null ? bases() : childrenOf(at);
            if (next.isEmpty()) {
                throw new RevisionException.OutOfRange("+" + steps + " goes past the head: only " + i + " revision(s) above "
                        + (from == null ? "base" : from));
            }
            if (next.size() > 1) {
                throw new RevisionException.OutOfRange("+" + steps + " is ambiguous: " + (at == null ? "base" : at)
                        + " branches into " + String.join(", ", next));
            }
            at = next.get(0);
        }
        return at;
    }

    /** The revision {@code steps} revisions below {@code from}; null when that is base. */
    public String stepDown(String from, int steps) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            if (at == null) {
                throw new RevisionException.OutOfRange("-" + steps + " goes past base: "
                        + (from == null ? "the database is at base" : "only " + i + " revision(s) below " + from));
            }
            List<String> parents = node(at).parents();
            if (parents.size() > 1) {
                throw new RevisionException.OutOfRange("-" + steps + " is ambiguous: " + at + " merges "
                        + String.join(", ", parents));
            }
            at = parents.isEmpty() ? null : parents.get(0);
        }
        return at;
    }

    public List<String> bases() {
        return order.stream().filter(id -> nodes.get(id).isBase()).sorted().toList();
    }

    /** Kahn's algorithm with ids taken in sorted order, so the order is deterministic. */
    private List<String> topologicalOrder() {
        Map<String, Integer> pending = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        for (RevisionNode node : nodes.values()) {
            int count = new LinkedHashSet<>(node.parents()).size();
            pending.put(node.id(), count);
            if (count == 0) ready.add(node.id());
        }
        List<String> sorted = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String id = ready.pollFirst();
            sorted.add(id);
            for (String child : children.getOrDefault(id, List.of())) {
                if (pending.merge(child, -1, Integer::sum) == 0) ready.add(child);
            }
        }
        if (sorted.size() < nodes.size()) {
            Set<String> stuck = new TreeSet<>(nodes.keySet());
            stuck.removeAll(sorted);
            throw new RevisionException.Cycle(cycleWithin(stuck));
        }
        return List.copyOf(sorted);
    }

    /** Every revision left over by Kahn's algorithm has a parent that is also left over; follow them. */
    private List<String> cycleWithin(Set<String> stuck) {
        List<String> path = new ArrayList<>();
        String at = stuck.iterator().next();
        while (!path.contains(at)) {
            path.add(at);
            at = nodes.get(at).parents().stream().filter(stuck::contains).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        cycle.add(at);
        return cycle;
    }
}
