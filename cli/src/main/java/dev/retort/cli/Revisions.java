package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** How revisions are written in command output, the way Alembic writes them. */
final class Revisions {

    private Revisions() {}

    /** {@code <base>}, {@code a1}, or {@code (a1, b2)} for a merge. */
    static String revises(RevisionNode node) {
        if (node.revises().isEmpty()) return Targets.BASE_SHOWN;
        if (node.revises().size() == 1) return node.revises().get(0);
        return "(" + String.join(", ", node.revises()) + ")";
    }

    static String heads(Collection<String> heads) {
        return heads.isEmpty() ? Targets.BASE_SHOWN : Terminal.safe(String.join(", ", heads));
    }

    /** {@code a1 (cart) (head) (branchpoint) (mergepoint) (current)}: the id and what it is. */
    static String marked(RevisionGraph graph, String id, Set<String> current) {
        RevisionNode node = graph.node(id);
        StringBuilder text = new StringBuilder(Terminal.safe(id));
        if (!node.branchLabels().isEmpty())
            text.append(" (")
                    .append(Terminal.safe(String.join(", ", node.branchLabels())))
                    .append(')');
        if (graph.heads().contains(id)) text.append(" (head)");
        if (graph.isBranchPoint(id)) text.append(" (branchpoint)");
        if (node.isMergePoint()) text.append(" (mergepoint)");
        if (current.contains(id)) text.append(" (current)");
        return text.toString();
    }

    /** A history line: {@code <parent> -> <rev> (head) (branchpoint) (mergepoint), <message>}. */
    static String line(RevisionGraph graph, RevisionNode node, Set<String> current) {
        return Terminal.safe(revises(node) + " -> " + marked(graph, node.id(), current) + ", " + node.message());
    }

    /** The verbose block of {@code history -v}, {@code heads -v}, {@code show}. */
    static String verbose(RevisionGraph graph, RevisionNode node, Set<String> current) {
        StringBuilder text = new StringBuilder("Rev: ")
                .append(marked(graph, node.id(), current))
                .append('\n');
        if (node.isMergePoint()) {
            text.append("Merges: ").append(String.join(", ", node.revises())).append('\n');
        } else {
            text.append("Parent: ").append(revises(node)).append('\n');
        }
        List<String> children = graph.childrenOf(node.id());
        if (children.size() > 1)
            text.append("Branches into: ").append(String.join(", ", children)).append('\n');
        if (!node.branchLabels().isEmpty())
            text.append("Branch names: ")
                    .append(Terminal.safe(String.join(", ", node.branchLabels())))
                    .append('\n');
        if (!node.dependsOn().isEmpty())
            text.append("Also depends on: ")
                    .append(String.join(", ", node.dependsOn()))
                    .append('\n');
        text.append("Path: ").append(Terminal.safe(node.source())).append("\n\n");
        for (String line : node.message().split("\n"))
            text.append("    ").append(Terminal.safe(line)).append('\n');
        return text.toString();
    }

    /** The file a revision was loaded from, for {@code edit}. */
    static Path file(Project project, RevisionNode node) {
        Path source = Path.of(node.source());
        if (source.isAbsolute()) return source;
        Path base = project.settings().migrationsDir().toAbsolutePath().getParent();
        return base == null ? source : base.resolve(source);
    }
}
