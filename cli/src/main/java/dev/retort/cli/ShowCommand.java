package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.Targets;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort show REV}: one revision in full. */
@Command(
        name = "show",
        description = "Show a revision in full: REV is an id, a unique prefix, a branch label, head or LABEL@head.")
final class ShowCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "REV")
    String revision;

    @Override
    public Integer call() {
        RevisionGraph graph = root.project().graph();
        for (String id : Targets.upgrade(graph, revision, Set.of()))
            root.out().print(Revisions.verbose(graph, graph.node(id), Set.of()));
        return ExitCode.OK;
    }
}
