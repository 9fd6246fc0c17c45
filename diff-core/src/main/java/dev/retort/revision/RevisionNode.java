package dev.retort.revision;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One revision as the graph sees it: its id, the revisions it revises (none for a root, several for
 * a merge), its branch labels, the revisions it depends on without merging them, its message, and
 * where it was declared (a file or class name, for error messages).
 *
 * <p>{@link #of} gives a revision with no labels, dependencies or message; each wither sets one more.
 */
public record RevisionNode(
        String id,
        List<String> revises,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        String source) {
    public RevisionNode {
        requireNonNull(id, "id");
        revises = List.copyOf(requireNonNull(revises, "revises"));
        branchLabels = List.copyOf(requireNonNull(branchLabels, "branchLabels"));
        dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn"));
        message = message == null ? "" : message;
        source = source == null ? id : source;
    }

    /** A revision of {@code revises}, declared where its id says, without labels, dependencies or message. */
    public static RevisionNode of(String id, List<String> revises) {
        return new RevisionNode(id, revises, List.of(), List.of(), null, null);
    }

    public RevisionNode withBranchLabels(List<String> newBranchLabels) {
        return new RevisionNode(id, revises, newBranchLabels, dependsOn, message, source);
    }

    public RevisionNode withDependsOn(List<String> newDependsOn) {
        return new RevisionNode(id, revises, branchLabels, newDependsOn, message, source);
    }

    public RevisionNode withMessage(String newMessage) {
        return new RevisionNode(id, revises, branchLabels, dependsOn, newMessage, source);
    }

    /** This revision declared in another place (a file or class name); null for its id. */
    public RevisionNode withSource(String newSource) {
        return new RevisionNode(id, revises, branchLabels, dependsOn, message, newSource);
    }

    /** Whether this revision revises none: the history starts with it. */
    public boolean isRoot() {
        return revises.isEmpty();
    }

    public boolean isMergePoint() {
        return revises.size() > 1;
    }
}
