package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * A check constraint: its boolean expression as written, its name when it has one, once PostgreSQL
 * has been asked its canonical form, whether child tables inherit it (not for {@code NO INHERIT})
 * and whether the rows are known to satisfy it (not for one added {@code NOT VALID} and not yet
 * validated). Matched by canonical form (the expression when there is none) and inheritance:
 * {@code status in ('A','B')} and the {@code = ANY (ARRAY[...])} that PostgreSQL prints back are
 * the same check. The entity model's checks are inherited and valid.
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

    /** What two checks are compared by. */
    public String key() {
        return canonical != null ? canonical : expression;
    }

    /**
     * What two checks are matched by: their canonical form and whether they are inherited, not their
     * names nor their validity (a matched check that differs only in validity is validated).
     */
    public String shape() {
        return inheritable ? key() : key() + " NO INHERIT";
    }
}
