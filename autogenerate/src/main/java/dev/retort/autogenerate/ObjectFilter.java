package dev.retort.autogenerate;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A project's verdict on which objects take part in a comparison, like Alembic's {@code include_object}:
 * asked for every table, column, index, constraint, sequence and enum type of both sides before they are
 * compared; an object it refuses is neither created nor dropped nor altered. Refusing a table refuses
 * everything in it; refusing a column refuses the keys, unique constraints and indexes that name it and the
 * sequence it owns (not the checks and index expressions that use it, which are not taken apart).
 *
 * <p>{@code name} is what {@code compare.exclude} globs match: a table, sequence or enum type as
 * {@code name} (or {@code schema.name} outside the default schema), a column as {@code table.column},
 * an index or constraint by its own name (for an unnamed one in the model, the name it gets when
 * created). {@code object} is the schema record itself ({@code Table}, {@code Column}, {@code Index},
 * {@code PrimaryKey}, {@code UniqueConstraint}, {@code ForeignKey}, {@code CheckConstraint},
 * {@code Sequence}, {@code EnumType}).
 */
@FunctionalInterface
public interface ObjectFilter {
    /** Every object takes part. */
    ObjectFilter ALL = of(Set.of(), (kind, name, side, object) -> true);

    /** Which schema an object was read from. */
    enum Side {
        /** the live database (both sides of a database-to-database {@code diff}) */
        DATABASE,
        /** the entity model */
        MODEL
    }

    /** Whether the object takes part in the comparison. */
    boolean include(ObjectKind kind, String name, Side side, Object object);

    /**
     * The kinds of object this filter may leave out; it is asked only about these, so a filter of
     * tables alone costs nothing per column, constraint or index. Default: every kind.
     */
    default Set<ObjectKind> kinds() {
        return EnumSet.allOf(ObjectKind.class);
    }

    /** A filter asked only about the given kinds. */
    static ObjectFilter of(Set<ObjectKind> kinds, ObjectFilter filter) {
        requireNonNull(filter, "filter");
        Set<ObjectKind> asked = kinds.isEmpty() ? EnumSet.noneOf(ObjectKind.class) : EnumSet.copyOf(kinds);
        return new ObjectFilter() {
            @Override
            public boolean include(ObjectKind kind, String name, Side side, Object object) {
                return filter.include(kind, name, side, object);
            }

            @Override
            public Set<ObjectKind> kinds() {
                return Collections.unmodifiableSet(asked);
            }
        };
    }

    /** A filter that includes what both this one and {@code other} include. */
    default ObjectFilter and(ObjectFilter other) {
        requireNonNull(other, "other");
        Set<ObjectKind> kinds = EnumSet.noneOf(ObjectKind.class);
        kinds.addAll(kinds());
        kinds.addAll(other.kinds());
        ObjectFilter first = this;
        return of(
                kinds,
                (kind, name, side, object) -> (!first.kinds().contains(kind) || first.include(kind, name, side, object))
                        && (!other.kinds().contains(kind) || other.include(kind, name, side, object)));
    }
}
