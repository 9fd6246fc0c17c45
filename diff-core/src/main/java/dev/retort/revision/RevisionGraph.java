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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The validated graph of revisions: ids and branch labels are unique, every revision revised or
 * depended on exists, and nothing is its own ancestor.
 *
 * <p>Two kinds of edge: the revisions a revision revises shape the history (heads, branches,
 * merges, the version table's rows; the revisions that revise one are its children), while its
 * dependencies ({@code dependsOn}) only have to be applied first. Paths are set differences of
 * ancestor sets, so they are right for any shape.
 */
public final class RevisionGraph {
    private final Map<String, RevisionNode> nodes;
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, String> labels = new TreeMap<>();
    private final List<String> order;
    private final List<String> heads;

    private RevisionGraph(Map<String, RevisionNode> nodes) {
        this.nodes = nodes;
        for (RevisionNode node : nodes.values()) {
            for (String revised : node.revises())
                children.computeIfAbsent(revised, r -> new ArrayList<>()).add(node.id());
            for (String dependency : node.dependsOn())
                dependents.computeIfAbsent(dependency, p -> new ArrayList<>()).add(node.id());
            for (String label : node.branchLabels()) labels.put(label, node.id());
        }
        children.values().forEach(list -> list.sort(String::compareTo));
        TopologicalOrder history = new TopologicalOrder(nodes, RevisionNode::revises);
        if (!history.isComplete()) throw new RevisionException.Cycle(history.cycle());
        TopologicalOrder requirements = new TopologicalOrder(nodes, RevisionGraph::requirements);
        if (!requirements.isComplete()) {
            List<String> cycle = requirements.cycle();
            throw new RevisionException.SelfAncestor(cycle.get(0), cycle);
        }
        this.order = requirements.ids();
        this.heads =
                order.stream().filter(id -> !children.containsKey(id)).sorted().toList();
    }

    /** Builds and validates a graph. */
    public static RevisionGraph of(Collection<RevisionNode> nodes) {
        Map<String, RevisionNode> byId = new LinkedHashMap<>();
        Map<String, RevisionNode> byLabel = new HashMap<>();
        for (RevisionNode node : nodes) {
            RevisionIds.check(node);
            RevisionNode earlier = byId.putIfAbsent(node.id(), node);
            if (earlier != null) throw new RevisionException.Duplicate(node.id(), earlier.source(), node.source());
            for (String label : node.branchLabels()) {
                RevisionNode other = byLabel.putIfAbsent(label, node);
                if (other != null) throw new RevisionException.DuplicateLabel(label, other.id(), node.id());
            }
        }
        for (RevisionNode node : byId.values()) {
            if (node.revises().contains(node.id()) || node.dependsOn().contains(node.id())) {
                throw new RevisionException.SelfAncestor(node.id(), List.of(node.id(), node.id()));
            }
            for (String revised : node.revises()) {
                if (!byId.containsKey(revised))
                    throw new RevisionException.MissingRevision(node.id(), "revises", revised);
            }
            for (String dependency : node.dependsOn()) {
                if (!byId.containsKey(dependency))
                    throw new RevisionException.MissingRevision(node.id(), "depends on", dependency);
            }
        }
        return new RevisionGraph(byId);
    }

    private static List<String> requirements(RevisionNode node) {
        List<String> all = new ArrayList<>(node.revises());
        all.addAll(node.dependsOn());
        return all;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public RevisionNode node(String id) {
        RevisionNode node = nodes.get(id);
        if (node == null) throw new RevisionException.Unknown(id);
        return node;
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    /** Revisions that no other revision revises, sorted by id. */
    public List<String> heads() {
        return heads;
    }

    /** The only head; an error naming the heads when there are several, empty for no revisions. */
    public Optional<String> head() {
        List<String> heads = heads();
        if (heads.size() > 1) throw new RevisionException.MultipleHeads("the history", heads);
        return heads.stream().findFirst();
    }

    /** Revisions that revise none, sorted by id: where the history starts. */
    public List<String> roots() {
        return order.stream().filter(id -> nodes.get(id).isRoot()).sorted().toList();
    }

    /** All revisions, the revisions they revise and depend on before them. */
    public List<RevisionNode> inOrder() {
        return order.stream().map(nodes::get).toList();
    }

    /** The revisions that revise this one, sorted. */
    public List<String> childrenOf(String id) {
        return children.getOrDefault(id, List.of());
    }

    public boolean isBranchPoint(String id) {
        return childrenOf(id).size() > 1;
    }

    /** Branch labels and the revision that declares each, sorted by label. */
    public Map<String, String> branchLabels() {
        return Map.copyOf(labels);
    }

    /** Resolves a full id, a branch label (the revision declaring it), or a unique prefix of an id. */
    public String resolve(String name) {
        if (nodes.containsKey(name)) return name;
        if (labels.containsKey(name)) return labels.get(name);
        List<String> matches = new ArrayList<>(new TreeSet<>(nodes.keySet()).subSet(name, name + Character.MAX_VALUE));
        if (matches.isEmpty()) throw new RevisionException.Unknown(name);
        if (matches.size() > 1) throw new RevisionException.Ambiguous(name, matches);
        return matches.get(0);
    }

    /** The revisions and everything they need: what they revise and depend on, transitively. */
    public Set<String> ancestorsOf(Collection<String> ids) {
        return closure(ids, id -> requirements(node(id)));
    }

    /** The revisions and what they revise, transitively; dependencies not followed. */
    public Set<String> ancestorsAlongRevises(Collection<String> ids) {
        return closure(ids, id -> node(id).revises());
    }

    /** The revision and every revision that revises or depends on it, transitively. */
    public Set<String> descendantsOf(String id) {
        return closure(List.of(id), at -> {
            List<String> next = new ArrayList<>(childrenOf(at));
            next.addAll(dependents.getOrDefault(at, List.of()));
            return next;
        });
    }

    /** The labelled revision and its children, transitively: the branch a label names. */
    public Set<String> branch(String label) {
        String root = labels.get(label);
        if (root == null) throw RevisionException.Unknown.label(label);
        return closure(List.of(root), this::childrenOf);
    }

    /** The single head of a labelled branch. */
    public String branchHead(String label) {
        Set<String> members = branch(label);
        List<String> heads = heads().stream().filter(members::contains).toList();
        if (heads.size() > 1) throw new RevisionException.MultipleHeads("branch " + label, heads);
        return heads.get(0);
    }

    /** Revisions to apply, in order, to go from the {@code current} heads up to the {@code targets}. */
    public List<RevisionNode> upgradePath(Collection<String> current, Collection<String> targets) {
        Set<String> wanted = ancestorsOf(targets);
        wanted.removeAll(ancestorsOf(current));
        return order.stream().filter(wanted::contains).map(nodes::get).toList();
    }

    /**
     * Revisions to undo, in order, for a downgrade: every applied revision above its targets (all for
     * base) and, for a relative step, only those on the line walked down from its start and what
     * depends on them. Other branches stay.
     */
    public List<RevisionNode> downgradePath(Collection<String> current, Downgrade downgrade) {
        Collection<String> targets = downgrade.targets();
        Set<String> undo = ancestorsOf(current);
        if (downgrade.from() != null) {
            Set<String> walked = ancestorsAlongRevises(List.of(downgrade.from()));
            walked.removeAll(ancestorsAlongRevises(targets));
            Set<String> affected = new HashSet<>();
            for (String id : walked) affected.addAll(descendantsOf(id));
            undo.retainAll(affected);
        } else if (!targets.isEmpty()) {
            Set<String> above = new HashSet<>();
            for (String target : targets) {
                if (!undo.contains(target)) {
                    throw new RevisionException.OutOfRange(
                            target, "revision " + target + " is not applied; use 'retort upgrade " + target + "'");
                }
                above.addAll(descendantsOf(target));
            }
            above.removeAll(targets);
            undo.retainAll(above);
        }
        List<RevisionNode> path = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) if (undo.contains(order.get(i))) path.add(nodes.get(order.get(i)));
        return path;
    }

    /** The heads after applying {@code node} on top of {@code heads}: the line it revises is replaced by it. */
    public Set<String> headsAfterUpgrade(Set<String> heads, RevisionNode node) {
        Set<String> next = new TreeSet<>(heads);
        next.removeAll(ancestorsAlongRevises(node.revises()));
        next.add(node.id());
        return next;
    }

    /** The heads after undoing {@code node}: it goes, what it revises comes back unless still below another head. */
    public Set<String> headsAfterDowngrade(Set<String> heads, RevisionNode node) {
        Set<String> next = new TreeSet<>(heads);
        next.remove(node.id());
        Set<String> stillBelow = ancestorsAlongRevises(next);
        for (String revised : new LinkedHashSet<>(node.revises())) if (!stillBelow.contains(revised)) next.add(revised);
        return next;
    }

    /** The revision {@code steps} above {@code from} (null for base), staying within {@code allowed}. */
    String stepUp(String from, int steps, Set<String> allowed) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            List<String> next = (at == null ? roots() : childrenOf(at))
                    .stream().filter(allowed::contains).toList();
            if (next.isEmpty()) {
                throw new RevisionException.OutOfRange(
                        "+" + steps,
                        "+" + steps + " goes past the head: only " + i + " revision(s) above "
                                + (from == null ? Targets.BASE : from));
            }
            if (next.size() > 1) {
                throw new RevisionException.OutOfRange(
                        "+" + steps,
                        "+" + steps + " is ambiguous: " + (at == null ? Targets.BASE : at) + " branches into "
                                + String.join(", ", next) + "; name the branch (LABEL@+N) or the revision");
            }
            at = next.get(0);
        }
        return at;
    }

    /**
     * The revisions {@code steps} below {@code from} (null for base): empty for base, and every
     * revision a merge revises when the last step goes down from one.
     */
    List<String> stepDown(String from, int steps) {
        List<String> at = from == null ? List.of() : List.of(from);
        for (int i = 0; i < steps; i++) {
            if (at.isEmpty()) {
                throw new RevisionException.OutOfRange(
                        "-" + steps,
                        "-" + steps + " goes past base: "
                                + (from == null
                                        ? "the database is at base"
                                        : "only " + i + " revision(s) below " + from));
            }
            if (at.size() > 1) {
                throw new RevisionException.OutOfRange(
                        "-" + steps,
                        "-" + steps + " is ambiguous: below the merge the history splits into " + String.join(", ", at)
                                + "; name the revision to go down to");
            }
            at = node(at.get(0)).revises();
        }
        return at;
    }

    private Set<String> closure(Collection<String> start, Function<String, List<String>> next) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) todo.addAll(next.apply(id));
        }
        return seen;
    }
}
