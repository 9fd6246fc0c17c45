package dev.retort.op;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a migration asks PostgreSQL to run some operations, never produced by the differ, written by
 * hand: {@code CONCURRENTLY} for index builds and drops (run outside the transaction), {@code IF
 * [NOT] EXISTS} for indexes and columns, {@code NOT VALID} for foreign keys (validated later with
 * {@code VALIDATE CONSTRAINT}, under a weaker lock; the same as a key that is not valid, which is
 * how the differ says it), {@code USING INDEX} for a unique constraint or primary key made from a
 * unique index of the constraint's name built before it ({@code CREATE UNIQUE INDEX CONCURRENTLY}),
 * so the {@code ADD CONSTRAINT} builds nothing under its lock. Each operation takes the options it
 * can use, and its reverse the matching ones ({@code IF NOT EXISTS} becomes {@code IF EXISTS}).
 */
public enum Option {
    CONCURRENTLY,
    IF_EXISTS,
    IF_NOT_EXISTS,
    NOT_VALID,
    USING_INDEX;

    static Set<Option> check(String operation, Set<Option> options, Set<Option> allowed) {
        if (options == null || options.isEmpty()) return Set.of();
        for (Option option : options) {
            if (!allowed.contains(option)) throw new IllegalArgumentException(operation + " does not take " + option);
        }
        return Set.copyOf(EnumSet.copyOf(options));
    }

    /** A foreign key operation's options: {@code NOT_VALID} only, and always when the key is not valid. */
    static Set<Option> notValid(String operation, Set<Option> options, boolean keyNotValid) {
        Set<Option> checked = check(operation, options, Set.of(NOT_VALID));
        return keyNotValid ? Set.of(NOT_VALID) : checked;
    }

    /** The options of the reverse operation: existence checks turned around, the rest kept. */
    static Set<Option> reversed(Set<Option> options) {
        EnumSet<Option> reverse = EnumSet.noneOf(Option.class);
        for (Option option : options) {
            reverse.add(
                    switch (option) {
                        case IF_EXISTS -> IF_NOT_EXISTS;
                        case IF_NOT_EXISTS -> IF_EXISTS;
                        default -> option;
                    });
        }
        return reverse.isEmpty() ? Set.of() : Set.copyOf(reverse);
    }
}
