package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * Changes an enum type's labels. Added labels are added in place; a label removed or moved means
 * the type is built anew and every column using it converted, which fails if a row holds a
 * removed label.
 */
public record AlterEnum(EnumType from, EnumType to) implements Op {
    public AlterEnum {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (!from.name().equals(to.name()))
            throw new IllegalArgumentException("alter enum " + from.name() + " cannot rename it");
        if (from.equals(to)) throw new IllegalArgumentException("alter enum " + from.name() + " changes nothing");
    }

    @Override
    public QualifiedName table() {
        return to.name();
    }

    @Override
    public AlterEnum reverse() {
        return new AlterEnum(to, from);
    }

    @Override
    public List<Hazard> hazards() {
        if (from.onlyAddsTo(to)) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.DATA_LOSS,
                "enum " + to.name() + " loses or reorders labels: the type is rebuilt and "
                        + "every column using it rewritten, which fails if a row holds a removed label"));
    }
}
