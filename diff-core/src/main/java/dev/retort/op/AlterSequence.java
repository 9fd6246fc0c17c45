package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.List;

/** Changes a sequence's start or increment. */
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
        return List.of();
    }
}
