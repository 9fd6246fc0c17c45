package dev.retort.cli;

import dev.retort.report.JsonReport;
import dev.retort.revision.RevisionGraph;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort heads [-v]}: the newest revisions of the migrations. */
@Command(name = "heads", description = "Show the head revision(s) of the migrations.")
final class HeadsCommand extends ReportingSubcommand {
    @Option(
            names = {"-v", "--verbose"},
            description = "Show each head in full.")
    boolean verbose;

    @Override
    public Integer call() {
        boolean json = json();
        RevisionGraph graph = root.project().graph();
        if (json) {
            JsonReport.heads(root.out(), graph);
            return ExitCode.OK;
        }
        for (String head : graph.heads()) {
            root.out()
                    .print(
                            verbose
                                    ? Revisions.verbose(graph, graph.node(head), Set.of())
                                    : Revisions.marked(graph, head, Set.of()) + "\n");
        }
        return ExitCode.OK;
    }
}
