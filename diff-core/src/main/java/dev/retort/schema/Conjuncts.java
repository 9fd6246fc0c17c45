package dev.retort.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level {@code AND} conjuncts of a boolean expression as PostgreSQL prints it back, each
 * without its enclosing parentheses, nested {@code AND}s flattened. {@code AND} is commutative and
 * associative, and a check is violated exactly when one of its conjuncts is false, so checks with
 * the same conjuncts, in one check or several, accept the same rows. Only PostgreSQL's printed form
 * is split: there every operand of {@code AND} is one term and no {@code BETWEEN ... AND} is left.
 */
final class Conjuncts {
    private Conjuncts() {}

    static List<String> of(String printed) {
        List<String> conjuncts = new ArrayList<>();
        add(unwrap(printed.strip()), conjuncts);
        return conjuncts;
    }

    private static void add(String expression, List<String> conjuncts) {
        List<String> parts = split(expression);
        if (parts.size() == 1) {
            conjuncts.add(expression);
            return;
        }
        for (String part : parts) add(unwrap(part), conjuncts);
    }

    /** The expression split at each {@code AND} outside parentheses, quotes and identifiers. */
    private static List<String> split(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0; // a doubled quote closes and reopens: the same state
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && expression.startsWith(" AND ", i)) {
                parts.add(expression.substring(start, i).strip());
                start = i + " AND ".length();
                i = start - 1;
            }
        }
        parts.add(expression.substring(start).strip());
        return parts;
    }

    /** The expression without the parentheses that enclose all of it, as often as they do. */
    private static String unwrap(String expression) {
        String current = expression;
        while (current.startsWith("(") && closes(current) == current.length() - 1)
            current = current.substring(1, current.length() - 1).strip();
        return current;
    }

    /** Where the parenthesis opening the expression closes, or -1. */
    private static int closes(String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
