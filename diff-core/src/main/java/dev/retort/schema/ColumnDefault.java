package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * A column's server default: the expression as written and, once PostgreSQL has been asked, its
 * canonical form. Compared by canonical form only (the expression when there is none), so
 * {@code 'x'}, {@code 'x'::text} and {@code ('x')} are one default.
 */
public record ColumnDefault(String expression, String canonical) {
    public ColumnDefault {
        requireNonNull(expression, "expression");
        expression = expression.strip();
        if (expression.isEmpty()) throw new IllegalArgumentException("empty default expression");
    }

    public static ColumnDefault of(String expression) {
        return new ColumnDefault(expression, null);
    }

    /** What two defaults are compared by. */
    public String key() {
        return canonical != null ? canonical : expression;
    }
}
