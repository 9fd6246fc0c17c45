package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A check constraint: its boolean expression as written, its name when it has one, and, once
 * PostgreSQL has been asked, its canonical form. Compared by the canonical form's conjuncts only
 * (the expression when there is none, see {@link #meaning}): {@code status in ('A','B')} and the
 * {@code = ANY (ARRAY[...])} that PostgreSQL prints back are the same check.
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

    /** The form two checks are compared in: the canonical form, or the expression when there is none. */
    public String key() {
        return canonical != null ? canonical : expression;
    }

    /**
     * What two checks are compared by: the top-level {@code AND} conjuncts of the canonical form,
     * sorted ({@code (a >= 1) AND (a <= 10)} means what {@code (a <= 10) AND (a >= 1)} does); the
     * expression alone before PostgreSQL has printed it.
     */
    public List<String> meaning() {
        if (canonical == null) return List.of(expression);
        List<String> conjuncts = new ArrayList<>(Conjuncts.of(canonical));
        conjuncts.sort(null);
        return List.copyOf(conjuncts);
    }

    /** The conjuncts of several checks together, sorted: checks that hold the same ones accept the same rows. */
    public static List<String> meaning(List<CheckConstraint> checks) {
        List<String> conjuncts = new ArrayList<>();
        for (CheckConstraint check : checks) conjuncts.addAll(check.meaning());
        conjuncts.sort(null);
        return conjuncts;
    }
}
