package dev.retort.cli;

import dev.retort.revision.RevisionNode;
import java.util.Collection;

/** How revisions are written in command output, the way Alembic writes them. */
final class Revisions {
    static final String BASE = "<base>";

    private Revisions() {}

    /** {@code <base>}, {@code a1}, or {@code (a1, b2)} for a merge. */
    static String parents(RevisionNode node) {
        if (node.parents().isEmpty()) return BASE;
        if (node.parents().size() == 1) return node.parents().get(0);
        return "(" + String.join(", ", node.parents()) + ")";
    }

    static String heads(Collection<String> heads) {
        return heads.isEmpty() ? BASE : String.join(", ", heads);
    }
}
