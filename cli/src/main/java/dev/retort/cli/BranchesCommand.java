package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort branches [-v]}: the revisions where the history forks, and the branches they fork into. */
@Command(name = "branches", description = "Show the branch points of the history and the revisions they branch into.")
final class BranchesCommand extends Subcommand {
    @Option(
            names = {"-v", "--verbose"},
            description = "Show each branch point in full.")
    boolean verbose;

    @Override
    public Integer call() {
        RevisionGraph graph = root.project().graph();
        for (RevisionNode node : graph.inOrder()) {
            if (!graph.isBranchPoint(node.id())) continue;
            root.out()
                    .print(
                            verbose
                                    ? Revisions.verbose(graph, node, Set.of())
                                    : Revisions.line(graph, node, Set.of()) + "\n");
            for (String child : graph.childrenOf(node.id())) {
                root.out()
                        .println("    -> " + Revisions.marked(graph, child, Set.of()) + ", "
                                + Terminal.safe(graph.node(child).message()));
            }
        }
        return ExitCode.OK;
    }
}
