package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.Targets;
import java.util.Set;
import java.util.TreeSet;

/** {@code FROM:TO} of an offline ({@code --sql}) run: the heads the database is assumed to be at, and the target. */
record OfflineRange(Set<String> from, String to) {
    static OfflineRange parse(RevisionGraph graph, String spec, boolean fromRequired) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            if (fromRequired)
                throw new OptionException(
                        "--sql", spec, "downgrade --sql needs FROM:TO, e.g. head:base (there is no database to ask)");
            return new OfflineRange(Set.of(), spec);
        }
        String from = spec.substring(0, colon);
        String to = spec.substring(colon + 1);
        if (to.isEmpty()) throw new OptionException("--sql", spec, "--sql " + spec + ": missing TO after ':'");
        Set<String> heads = new TreeSet<>();
        if (!from.isEmpty() && !from.equals(Targets.BASE)) heads.addAll(Targets.upgrade(graph, from, Set.of()));
        return new OfflineRange(heads, to);
    }
}
