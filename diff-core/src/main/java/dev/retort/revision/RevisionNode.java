package dev.retort.revision;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One revision as the graph sees it: its id, the revisions it revises (none for a base, several for
 * a merge), its branch labels, the revisions it depends on without merging them, its message, and
 * where it was declared (a file or class name, for error messages).
 */
public record RevisionNode(
        String id,
        List<String> parents,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        String source) {
    public RevisionNode {
        requireNonNull(id, "id");
        parents = List.copyOf(requireNonNull(parents, "parents"));
        branchLabels = List.copyOf(requireNonNull(branchLabels, "branchLabels"));
        dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn"));
        message = message == null ? "" : message;
        source = source == null ? id : source;
    }

    public RevisionNode(String id, List<String> parents, String message, String source) {
        this(id, parents, List.of(), List.of(), message, source);
    }

    public RevisionNode(String id, List<String> parents, String message) {
        this(id, parents, List.of(), List.of(), message, null);
    }

    public boolean isBase() {
        return parents.isEmpty();
    }

    public boolean isMergePoint() {
        return parents.size() > 1;
    }
}
