package dev.retort.codegen;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the header of a migration class states: revision id, the revisions it revises, branch
 * labels, dependencies, message, creation time.
 *
 * <p>{@link #of} gives a header with no branch labels and no dependencies; each wither sets one.
 */
public record RevisionHeader(
        String id,
        List<String> revises,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        LocalDateTime created) {
    public RevisionHeader {
        requireNonNull(id, "id");
        revises = List.copyOf(requireNonNull(revises, "revises"));
        branchLabels = List.copyOf(requireNonNull(branchLabels, "branchLabels"));
        dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn"));
        requireNonNull(message, "message");
        requireNonNull(created, "created");
        if (!id.matches("[0-9A-Za-z_]+")) throw new IllegalArgumentException("not a valid revision id: " + id);
    }

    /** A header with no branch labels and no dependencies. */
    public static RevisionHeader of(String id, List<String> revises, String message, LocalDateTime created) {
        return new RevisionHeader(id, revises, List.of(), List.of(), message, created);
    }

    public RevisionHeader withBranchLabels(List<String> newBranchLabels) {
        return new RevisionHeader(id, revises, newBranchLabels, dependsOn, message, created);
    }

    public RevisionHeader withDependsOn(List<String> newDependsOn) {
        return new RevisionHeader(id, revises, branchLabels, newDependsOn, message, created);
    }
}
