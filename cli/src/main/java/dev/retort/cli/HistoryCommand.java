package dev.retort.cli;

import dev.retort.report.JsonReport;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import dev.retort.runtime.MigrationListener;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort history [-r START:END] [-v] [-i]}: the revisions, newest first. */
@Command(
        name = "history",
        description =
                "List the revisions, newest first: <parent> -> <rev> (head) (branchpoint) (mergepoint), <message>.")
final class HistoryCommand extends ReportingSubcommand {
    @Option(
            names = {"-r", "--rev-range"},
            paramLabel = "[START]:[END]",
            description = "Only revisions from START up to END (revisions, 'base', 'head', 'heads' or 'current').")
    String range;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show each revision in full.")
    boolean verbose;

    @Option(
            names = {"-i", "--indicate-current"},
            description = "Mark the revisions the database is at (connects to it).")
    boolean indicateCurrent;

    @Override
    public Integer call() throws Exception {
        boolean json = json();
        Project project = root.project();
        RevisionGraph graph = project.graph();
        Set<String> current = Set.of();
        if (indicateCurrent || (range != null && range.contains("current"))) {
            try (Connection connection = project.connect()) {
                // the version table as it is, below the facade: Retort.current() refuses a revision recorded with its
                // ancestor, which -i marks all the same, to help repair it
                current = project.versionTable().read(connection);
            }
            if (!json)
                project.retort(new MigrationListener() {}, false)
                        .partialRun()
                        .ifPresent(partial ->
                                partial.lines().forEach(line -> root.out().println(Terminal.safe(line))));
        }
        Set<String> shown = range == null ? null : inRange(graph, current);
        List<RevisionNode> nodes = graph.inOrder();
        List<RevisionNode> newestFirst = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (shown == null || shown.contains(nodes.get(i).id())) newestFirst.add(nodes.get(i));
        }
        if (json) {
            JsonReport.history(root.out(), graph, newestFirst, indicateCurrent ? current : null);
            return ExitCode.OK;
        }
        for (RevisionNode node : newestFirst) {
            Set<String> marks = indicateCurrent ? current : Set.of();
            root.out()
                    .print(
                            verbose
                                    ? Revisions.verbose(graph, node, marks) + "\n"
                                    : Revisions.line(graph, node, marks) + "\n");
        }
        return ExitCode.OK;
    }

    /** The revisions at or above START and at or below END. */
    private Set<String> inRange(RevisionGraph graph, Set<String> current) {
        int colon = range.indexOf(':');
        if (colon < 0) throw new OptionException("-r", range, "-r " + range + ": expected [START]:[END]");
        String start = range.substring(0, colon);
        String end = range.substring(colon + 1);
        Set<String> below = graph.ancestorsOf(end.isEmpty() ? graph.heads() : points(graph, end, current));
        if (start.isEmpty() || start.equals(Targets.BASE)) return below;
        Set<String> above = new HashSet<>();
        for (String id : points(graph, start, current)) above.addAll(graph.descendantsOf(id));
        below.retainAll(above);
        return below;
    }

    private static List<String> points(RevisionGraph graph, String spec, Set<String> current) {
        if (spec.equals("current")) return List.copyOf(current);
        if (spec.equals(Targets.BASE)) return List.of();
        return Targets.upgrade(graph, spec, Set.of());
    }
}
