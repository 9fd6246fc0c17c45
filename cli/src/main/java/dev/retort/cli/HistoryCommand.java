package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code retort history}: every revision, newest first. */
@Command(name = "history", description = "List the revisions, newest first: <parent> -> <rev> (head), <message>.")
final class HistoryCommand extends Subcommand {
    @Override
    public Integer call() {
        RevisionGraph graph = root.project().graph();
        List<String> heads = graph.heads();
        List<RevisionNode> nodes = graph.inOrder();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            RevisionNode node = nodes.get(i);
            root.out().println(Revisions.parents(node) + " -> " + node.id() + (heads.contains(node.id()) ? " (head)" : "")
                    + ", " + node.message());
        }
        return Main.OK;
    }
}
