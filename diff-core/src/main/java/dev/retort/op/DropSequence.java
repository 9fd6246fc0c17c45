package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.List;

/** Drops a standalone sequence; carries it so the reverse can create it again. */
public record DropSequence(Sequence sequence) implements Op {
    public DropSequence {
        requireNonNull(sequence, "sequence");
    }

    @Override
    public QualifiedName table() {
        return sequence.name();
    }

    @Override
    public CreateSequence reverse() {
        return new CreateSequence(sequence);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(
                new Hazard(Hazard.Kind.DATA_LOSS, "drops sequence " + sequence.name() + " and its current value"));
    }
}
