package dev.retort.revision;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One revision as the graph sees it: its id, the ids it revises (none for a base), its message, and
 * where it was declared (a file or class name, for error messages).
 */
public record RevisionNode(String id, List<String> parents, String message, String source) {
    public RevisionNode {
        requireNonNull(id, "id");
        parents = List.copyOf(requireNonNull(parents, "parents"));
        message = message == null ? "" : message;
        source = source == null ? id : source;
        if (id.isEmpty()) throw new IllegalArgumentException("empty revision id");
    }

    public RevisionNode(String id, List<String> parents, String message) {
        this(id, parents, message, null);
    }

    public boolean isBase() {
        return parents.isEmpty();
    }
}
