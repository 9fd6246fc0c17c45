package dev.retort.revision;

import java.util.Collection;
import java.util.List;

/**
 * Resolves what a user types as an upgrade or downgrade target against the graph and the
 * revisions the database is at.
 *
 * <p>Upgrade: {@code head}, {@code heads}, a revision id or unique prefix, {@code +N}. Downgrade:
 * {@code -N}, a revision id or unique prefix, {@code base}.
 */
public final class Targets {
    private Targets() {}

    /** The revisions to upgrade to. */
    public static List<String> upgrade(RevisionGraph graph, String spec, Collection<String> current) {
        if (spec.equals("head")) {
            return graph.head().map(List::of).orElse(List.of());
        }
        if (spec.equals("heads")) return graph.heads();
        if (spec.startsWith("+")) {
            return List.of(graph.stepUp(single(current, spec), count(spec)));
        }
        String target = graph.resolve(spec);
        if (!current.contains(target) && graph.ancestorsOf(current).contains(target)) {
            throw new RevisionException.OutOfRange("revision " + target + " is below the current revision "
                    + String.join(", ", current) + "; use 'retort downgrade " + spec + "'");
        }
        return List.of(target);
    }

    /** The revision to downgrade to; null for base. */
    public static String downgrade(RevisionGraph graph, String spec, Collection<String> current) {
        if (spec.equals("base")) return null;
        if (spec.startsWith("-")) return graph.stepDown(single(current, spec), count(spec));
        String target = graph.resolve(spec);
        if (!graph.ancestorsOf(current).contains(target)) {
            throw new RevisionException.OutOfRange("revision " + target + " is not below the current revision"
                    + (current.isEmpty() ? " (the database is at base)" : " " + String.join(", ", current))
                    + "; use 'retort upgrade " + spec + "'");
        }
        return target;
    }

    private static String single(Collection<String> current, String spec) {
        if (current.size() > 1) {
            throw new RevisionException.OutOfRange("relative target " + spec + " needs a single current revision, the database is at "
                    + String.join(", ", current));
        }
        return current.isEmpty() ? null : current.iterator().next();
    }

    private static int count(String spec) {
        try {
            int n = Integer.parseInt(spec.substring(1));
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new RevisionException.OutOfRange("not a relative revision: " + spec + " (expected " + spec.charAt(0) + "N with N >= 1)");
        }
    }
}
