package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.List;

/** Creates a standalone sequence. */
public record CreateSequence(Sequence sequence) implements Op {
    public CreateSequence {
        requireNonNull(sequence, "sequence");
    }

    @Override
    public QualifiedName table() {
        return sequence.name();
    }

    @Override
    public DropSequence reverse() {
        return new DropSequence(sequence);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
