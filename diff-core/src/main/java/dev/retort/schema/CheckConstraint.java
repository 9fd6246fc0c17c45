package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * A check constraint: its boolean expression as written, its name when it has one, and, once
 * PostgreSQL has been asked, its canonical form. Compared by canonical form only (the expression
 * when there is none): {@code status in ('A','B')} and the {@code = ANY (ARRAY[...])} that
 * PostgreSQL prints back are the same check.
 */
public record CheckConstraint(String name, String expression, String canonical) implements TableElement {
    public CheckConstraint {
        requireNonNull(expression, "expression");
        expression = expression.strip();
        if (expression.isEmpty()) throw new IllegalArgumentException("empty check expression");
        if (name != null && name.isEmpty()) name = null;
    }

    public static CheckConstraint of(String expression) {
        return new CheckConstraint(null, expression, null);
    }

    public CheckConstraint named(String newName) {
        return new CheckConstraint(newName, expression, canonical);
    }

    public CheckConstraint withCanonical(String form) {
        return new CheckConstraint(name, expression, form);
    }

    /** What two checks are compared by. */
    public String key() {
        return canonical != null ? canonical : expression;
    }
}
