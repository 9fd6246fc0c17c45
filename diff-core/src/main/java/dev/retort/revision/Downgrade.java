package dev.retort.revision;

import java.util.List;

/**
 * Where a downgrade goes: down to {@code targets} (none for base), and, for a relative step, only
 * along the line below {@code from}, so other branches stay where they are.
 */
public record Downgrade(List<String> targets, String from) {
    public Downgrade {
        targets = List.copyOf(targets);
    }

    /** Down to these revisions, undoing every applied revision above them. */
    public static Downgrade to(List<String> targets) {
        return new Downgrade(targets, null);
    }
}
