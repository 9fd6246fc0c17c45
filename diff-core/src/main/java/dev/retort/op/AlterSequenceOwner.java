package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.List;

/**
 * Gives a sequence an owning column ({@code OWNED BY}), or takes it away. One side is always null:
 * a sequence is released before anything is dropped (so dropping its old column or table does not
 * take it along) and claimed once its new column exists.
 */
public record AlterSequenceOwner(QualifiedName sequence, Sequence.Owner from, Sequence.Owner to) implements Op {
    public AlterSequenceOwner {
        requireNonNull(sequence, "sequence");
        if ((from == null) == (to == null)) {
            throw new IllegalArgumentException(
                    "sequence " + sequence + ": give it an owner or take it away, one at a time");
        }
    }

    @Override
    public QualifiedName table() {
        return sequence;
    }

    /** Whether this gives the sequence an owner (else it takes the owner away). */
    public boolean claims() {
        return to != null;
    }

    @Override
    public AlterSequenceOwner reverse() {
        return new AlterSequenceOwner(sequence, to, from);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
