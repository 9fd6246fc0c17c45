package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A check constraint: its boolean expression as written, its name when it has one, once PostgreSQL
 * has been asked its canonical form, whether child tables inherit it (not for {@code NO INHERIT})
 * and whether the rows are known to satisfy it (not for one added {@code NOT VALID} and not yet
 * validated). Compared by the canonical form's conjuncts (the expression when there is none, see
 * {@link #meaning}) and inheritance ({@link #shape}): {@code status in ('A','B')} and the {@code =
 * ANY (ARRAY[...])} that PostgreSQL prints back are the same check. The entity model's checks are
 * inherited and valid.
 */
public record CheckConstraint(String name, String expression, String canonical, boolean inheritable, boolean valid)
        implements TableElement {
    public CheckConstraint {
        requireNonNull(expression, "expression");
        expression = expression.strip();
        if (expression.isEmpty()) throw new IllegalArgumentException("empty check expression");
        if (name != null && name.isEmpty()) name = null;
    }

    public static CheckConstraint of(String expression) {
        return new CheckConstraint(null, expression, null, true, true);
    }

    public CheckConstraint named(String newName) {
        return new CheckConstraint(newName, expression, canonical, inheritable, valid);
    }

    public CheckConstraint withCanonical(String form) {
        return new CheckConstraint(name, expression, form, inheritable, valid);
    }

    /** This check as {@code NO INHERIT}: child tables do not get it. */
    public CheckConstraint noInherit() {
        return new CheckConstraint(name, expression, canonical, false, valid);
    }

    /** This check as added {@code NOT VALID}: the rows already there are not known to satisfy it. */
    public CheckConstraint notValid() {
        return new CheckConstraint(name, expression, canonical, inheritable, false);
    }

    /** This check once validated. */
    public CheckConstraint validated() {
        return new CheckConstraint(name, expression, canonical, inheritable, true);
    }

    /** The form two checks are compared in: the canonical form, or the expression when there is none. */
    public String key() {
        return canonical != null ? canonical : expression;
    }

    /**
     * What two checks are matched by: their {@link #meaning} and whether they are inherited (a last
     * element {@code NO INHERIT}, which no expression is), not their names nor their validity (a
     * matched check that differs only in validity is validated).
     */
    public List<String> shape() {
        if (inheritable) return meaning();
        List<String> shape = new ArrayList<>(meaning());
        shape.add("NO INHERIT");
        return List.copyOf(shape);
    }

    /** What checks are sorted by in a table: the canonical form, and whether they are inherited. */
    public String sortKey() {
        return inheritable ? key() : key() + " NO INHERIT";
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
