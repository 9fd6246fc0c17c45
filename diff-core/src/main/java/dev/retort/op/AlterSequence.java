package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.List;

/**
 * Changes a sequence's options: type, start, increment, bounds, cache, cycle, persistence. Narrowing the end it
 * counts toward (a lower maximum, or a smaller type, for an ascending one) fails once the sequence
 * has gone past the new bound.
 */
public record AlterSequence(Sequence from, Sequence to) implements Op {
    public AlterSequence {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (!from.name().equals(to.name()))
            throw new IllegalArgumentException("alter sequence " + from.name() + " cannot rename it");
        if (from.equals(to)) throw new IllegalArgumentException("alter sequence " + from.name() + " changes nothing");
    }

    @Override
    public QualifiedName table() {
        return to.name();
    }

    @Override
    public AlterSequence reverse() {
        return new AlterSequence(to, from);
    }

    @Override
    public List<Hazard> hazards() {
        boolean narrowed =
                to.increment() > 0 ? to.effectiveMax() < from.effectiveMax() : to.effectiveMin() > from.effectiveMin();
        if (!narrowed) return List.of();
        long bound = to.increment() > 0 ? to.effectiveMax() : to.effectiveMin();
        return List.of(new Hazard(
                Hazard.Kind.FAILS_ON_DATA,
                "narrows sequence " + to.name() + " to " + (to.increment() > 0 ? "maxvalue " : "minvalue ") + bound
                        + ": fails if it has already gone past it"));
    }
}
