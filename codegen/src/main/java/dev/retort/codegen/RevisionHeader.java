package dev.retort.codegen;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.util.List;

/** What the header of a migration class states: revision id, parents, message, creation time. */
public record RevisionHeader(String id, List<String> revises, String message, LocalDateTime created) {
    public RevisionHeader {
        requireNonNull(id, "id");
        revises = List.copyOf(requireNonNull(revises, "revises"));
        requireNonNull(message, "message");
        requireNonNull(created, "created");
        if (!id.matches("[0-9A-Za-z_]+")) throw new IllegalArgumentException("not a valid revision id: " + id);
    }
}
