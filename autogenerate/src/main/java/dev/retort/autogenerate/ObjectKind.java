package dev.retort.autogenerate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of object a comparison takes part with, each with the word {@code compare.exclude} names it by. */
public enum ObjectKind {
    TABLE,
    COLUMN,
    INDEX,
    PRIMARY_KEY,
    UNIQUE,
    FOREIGN_KEY,
    CHECK,
    SEQUENCE,
    ENUM,
    /** A composite type ({@code @Struct}). */
    TYPE;

    /** {@code table}, {@code primary-key}, {@code foreign-key}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether this is a table's constraint: a primary key, unique constraint, foreign key or check. */
    public boolean isConstraint() {
        return this == PRIMARY_KEY || this == UNIQUE || this == FOREIGN_KEY || this == CHECK;
    }

    /** The kind a word names, if any. */
    public static Optional<ObjectKind> ofWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }

    @Override
    public String toString() {
        return word();
    }
}
