package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

import dev.retort.op.Op;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Retort#stairway()} found, walking the history in order: for each revision, its upgrade,
 * its downgrade back to the schema the upgrade started from, and its upgrade again; the walk stops at
 * the first step that fails.
 */
public record StairwayResult(List<Step> steps) {
    public StairwayResult {
        steps = List.copyOf(steps);
    }

    /** How one revision's step went. */
    public enum Outcome {
        /** Up, down to exactly the schema before, and up again to exactly the schema after. */
        RESTORED,
        /** Applied; it has no downgrade (declared forward-only, or its {@code downgrade()} throws), so not walked back. */
        FORWARD_ONLY,
        /** Its upgrade failed: {@link Step#message()} says how. */
        UPGRADE_FAILED,
        /** Its downgrade failed: {@link Step#message()} says how. */
        DOWNGRADE_FAILED,
        /** Its downgrade ran and left a schema other than the one its upgrade started from: {@link Step#differences()}. */
        NOT_RESTORED,
        /** Its second upgrade, after its downgrade, gave a schema other than its first did: {@link Step#differences()}. */
        NOT_REPEATABLE
    }

    /**
     * One revision's step. {@code differences} are the operations that would turn the schema the
     * step left into the one it should have left (empty unless {@link Outcome#NOT_RESTORED} or
     * {@link Outcome#NOT_REPEATABLE}); {@code message} says what happened, on one line.
     */
    public record Step(String revision, String source, Outcome outcome, List<Op> differences, String message) {
        public Step {
            requireNonNull(revision, "revision");
            requireNonNull(outcome, "outcome");
            differences = List.copyOf(differences);
            requireNonNull(message, "message");
        }

        public boolean failed() {
            return outcome != Outcome.RESTORED && outcome != Outcome.FORWARD_ONLY;
        }
    }

    /** Whether every revision was walked up, down and up again, forward-only ones up only. */
    public boolean passed() {
        return failure().isEmpty();
    }

    /** The step that stopped the walk, if one did: it is the last. */
    public Optional<Step> failure() {
        return steps.stream().filter(Step::failed).findFirst();
    }

    /** The revisions applied without a downgrade, in order. */
    public List<Step> forwardOnly() {
        return steps.stream().filter(s -> s.outcome() == Outcome.FORWARD_ONLY).toList();
    }
}
