package dev.retort.revision;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what a user types as an upgrade or downgrade target, against the graph and the revisions
 * the database is at.
 *
 * <p>Upgrade: {@code head}, {@code heads}, a revision (id, unique prefix or branch label),
 * {@code +N}, {@code REV+N}, {@code LABEL@head}, {@code LABEL@REV}, {@code LABEL@+N}. Downgrade:
 * {@code base}, a revision, {@code -N}, {@code REV-N}, {@code LABEL@REV}, {@code LABEL@-N}.
 */
public final class Targets {
    /** The only head (upgrade), as users type it. */
    public static final String HEAD = "head";

    /** Every head (upgrade), as users type it. */
    public static final String HEADS = "heads";

    /** The state before the first revision (downgrade, stamp), as users type it. */
    public static final String BASE = "base";

    /** The state before the first revision as history lines and generated headers show it. */
    public static final String BASE_SHOWN = "<base>";

    private static final Pattern BRANCHED = Pattern.compile("([^@]+)@(.+)");
    private static final Pattern RELATIVE = Pattern.compile("(.*?)([+-])(\\d+)");

    private Targets() {}

    /** One revision named by an upgrade-style target ({@code head}, {@code LABEL@head}, an id, prefix or label). */
    public static String single(RevisionGraph graph, String spec) {
        List<String> ids = upgrade(graph, spec, List.of());
        if (ids.size() != 1) {
            throw new RevisionException.OutOfRange(
                    spec,
                    spec + " names " + (ids.isEmpty() ? "no revision" : String.join(", ", ids))
                            + "; name one revision");
        }
        return ids.get(0);
    }

    /** The revisions to upgrade to. */
    public static List<String> upgrade(RevisionGraph graph, String spec, Collection<String> current) {
        Matcher branched = BRANCHED.matcher(spec);
        if (branched.matches()) return List.of(upgradeInBranch(graph, branched.group(1), branched.group(2), current));
        if (spec.equals(HEAD)) return graph.head().map(List::of).orElse(List.of());
        if (spec.equals(HEADS)) return graph.heads();
        Matcher relative = RELATIVE.matcher(spec);
        if (relative.matches()) {
            int steps = count(relative);
            if (relative.group(2).equals("-"))
                throw new RevisionException.OutOfRange(spec, spec + " goes down; use 'retort downgrade " + spec + "'");
            String from = relative.group(1).isEmpty() ? single(current, spec) : graph.resolve(relative.group(1));
            return List.of(
                    checkedUp(graph, graph.stepUp(from, steps, graph.ancestorsOf(graph.heads())), current, spec));
        }
        return List.of(checkedUp(graph, graph.resolve(spec), current, spec));
    }

    /** Where to downgrade to: none for base, what a merge revises when stepping down from one. */
    public static Downgrade downgrade(RevisionGraph graph, String spec, Collection<String> current) {
        Matcher branched = BRANCHED.matcher(spec);
        if (branched.matches()) return downgradeInBranch(graph, branched.group(1), branched.group(2), current);
        if (spec.equals(BASE)) return Downgrade.to(List.of());
        Matcher relative = RELATIVE.matcher(spec);
        if (relative.matches()) {
            int steps = count(relative);
            if (relative.group(2).equals("+"))
                throw new RevisionException.OutOfRange(spec, spec + " goes up; use 'retort upgrade " + spec + "'");
            String from = relative.group(1).isEmpty() ? single(current, spec) : graph.resolve(relative.group(1));
            return new Downgrade(checkedDown(graph, graph.stepDown(from, steps), current, spec), from);
        }
        return Downgrade.to(checkedDown(graph, List.of(graph.resolve(spec)), current, spec));
    }

    private static String upgradeInBranch(RevisionGraph graph, String label, String rest, Collection<String> current) {
        Set<String> branch = graph.branch(label);
        if (rest.equals(HEAD)) return graph.branchHead(label);
        Matcher relative = RELATIVE.matcher(rest);
        if (relative.matches()
                && relative.group(1).isEmpty()
                && relative.group(2).equals("+")) {
            String from = current.stream()
                    .filter(branch::contains)
                    .findFirst()
                    .orElseGet(() -> graph.node(graph.resolve(label)).revises().stream()
                            .findFirst()
                            .orElse(null));
            Set<String> allowed = new HashSet<>(branch);
            allowed.addAll(graph.ancestorsOf(List.of(graph.resolve(label))));
            return checkedUp(graph, graph.stepUp(from, count(relative), allowed), current, label + "@" + rest);
        }
        String target = graph.resolve(rest);
        if (!branch.contains(target))
            throw new RevisionException.OutOfRange(target, "revision " + target + " is not on branch " + label);
        return checkedUp(graph, target, current, label + "@" + rest);
    }

    private static Downgrade downgradeInBranch(
            RevisionGraph graph, String label, String rest, Collection<String> current) {
        Set<String> branch = graph.branch(label);
        Matcher relative = RELATIVE.matcher(rest);
        if (relative.matches()
                && relative.group(1).isEmpty()
                && relative.group(2).equals("-")) {
            String from = current.stream()
                    .filter(branch::contains)
                    .findFirst()
                    .orElseThrow(() -> new RevisionException.OutOfRange(
                            label + "@" + rest, "branch " + label + " is not applied"));
            return new Downgrade(
                    checkedDown(graph, graph.stepDown(from, count(relative)), current, label + "@" + rest), from);
        }
        String target = graph.resolve(rest);
        if (!branch.contains(target))
            throw new RevisionException.OutOfRange(target, "revision " + target + " is not on branch " + label);
        return Downgrade.to(checkedDown(graph, List.of(target), current, label + "@" + rest));
    }

    private static String checkedUp(RevisionGraph graph, String target, Collection<String> current, String spec) {
        if (!current.contains(target) && graph.ancestorsOf(current).contains(target)) {
            throw new RevisionException.OutOfRange(
                    target,
                    "revision " + target + " is below the current revision " + String.join(", ", current)
                            + "; use 'retort downgrade " + spec + "'");
        }
        return target;
    }

    private static List<String> checkedDown(
            RevisionGraph graph, List<String> targets, Collection<String> current, String spec) {
        Set<String> applied = graph.ancestorsOf(current);
        for (String target : targets) {
            if (!applied.contains(target)) {
                throw new RevisionException.OutOfRange(
                        target,
                        "revision " + target + " is not below the current revision"
                                + (current.isEmpty() ? " (the database is at base)" : " " + String.join(", ", current))
                                + "; use 'retort upgrade " + spec + "'");
            }
        }
        return targets;
    }

    private static String single(Collection<String> current, String spec) {
        if (current.size() > 1) {
            throw new RevisionException.OutOfRange(
                    spec,
                    "relative target " + spec + " needs a single current revision, the database is at "
                            + String.join(", ", current) + "; use LABEL@" + spec + " or REV" + spec);
        }
        return current.isEmpty() ? null : current.iterator().next();
    }

    private static int count(Matcher relative) {
        int n;
        try {
            n = Integer.parseInt(relative.group(3));
        } catch (NumberFormatException e) {
            throw new RevisionException.OutOfRange(
                    relative.group(0),
                    "relative step " + relative.group(0) + " is too large (at most " + Integer.MAX_VALUE + ")");
        }
        if (n < 1)
            throw new RevisionException.OutOfRange(
                    relative.group(0), "relative step " + relative.group(0) + " must be at least 1");
        return n;
    }
}
