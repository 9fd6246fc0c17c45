package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * An exclusion constraint, written by hand in a migration ({@code op.addExclusion}): its name and
 * the definition after {@code EXCLUDE}, such as {@code USING gist (room WITH =, during WITH &&)}.
 * JPA cannot declare one, so autogenerate neither reads nor reports them.
 */
public record ExclusionConstraint(String name, String definition) {
    public ExclusionConstraint {
        requireNonNull(name, "name");
        requireNonNull(definition, "definition");
        if (name.isBlank() || definition.isBlank())
            throw new IllegalArgumentException("exclusion constraint without name or definition");
        definition = definition.strip();
    }
}
