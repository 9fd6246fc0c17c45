package dev.retort.op;

/**
 * The {@code USING} expressions of a column's type change that PostgreSQL has no cast for, written
 * by a person: this direction's and the reverse direction's, each null while still to be written
 * ({@link #TO_BE_WRITTEN}, what autogenerate writes instead of guessing). An expression is SQL
 * over the column's old value, run as written (like {@code op.execute}).
 */
public record Using(String expression, String reverseExpression) {
    /** Neither direction's expression written yet: running the change fails, naming the table and column. */
    public static final Using TO_BE_WRITTEN = new Using(null, null);

    public Using {
        if (expression != null && expression.isBlank()) throw new IllegalArgumentException("blank USING expression");
        if (reverseExpression != null && reverseExpression.isBlank())
            throw new IllegalArgumentException("blank USING expression");
    }

    /** This direction's expression, the reverse's still to be written. */
    public static Using of(String expression) {
        if (expression == null) throw new IllegalArgumentException("USING expression null");
        return new Using(expression, null);
    }

    /** Whether this direction's expression is still to be written. */
    public boolean toBeWritten() {
        return expression == null;
    }

    /** The same expressions seen from the reverse change. */
    public Using reversed() {
        return new Using(reverseExpression, expression);
    }
}
