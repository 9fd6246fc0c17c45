package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's server default: the expression as written and, once PostgreSQL has been asked, its
 * canonical form. Compared by canonical form only (the expression when there is none), so
 * {@code 'x'}, {@code 'x'::text} and {@code ('x')} are one default; a NULL constant, cast or not,
 * is no default at all (a column without one reads NULL too).
 */
public record ColumnDefault(String expression, String canonical) {
    public ColumnDefault {
        requireNonNull(expression, "expression");
        expression = expression.strip();
        if (expression.isEmpty()) throw new IllegalArgumentException("empty default expression");
    }

    /** A type name as a cast spells it: {@code text}, {@code character varying(20)}, {@code public.mood[]}, ... */
    private static final String TYPE =
            "\"?[a-z_][a-z0-9_$.\"]*( varying| precision)?(\\([0-9, ]*\\))?( with(out)? time zone)?(\\[\\])*";

    private static final Pattern CAST_SUFFIX = Pattern.compile("::\\s*" + TYPE + "$");

    private static final Pattern CAST_CALL = Pattern.compile("cast\\s*\\(\\s*null\\s+as\\s+" + TYPE + "\\s*\\)");

    public static ColumnDefault of(String expression) {
        return new ColumnDefault(expression, null);
    }

    /** Whether the default is a NULL constant, which is the same as no default. */
    public boolean isNull() {
        String rest = key().toLowerCase(Locale.ROOT).strip();
        while (true) {
            if (rest.equals("null") || CAST_CALL.matcher(rest).matches()) return true;
            Matcher cast = CAST_SUFFIX.matcher(rest);
            if (cast.find()) {
                rest = rest.substring(0, cast.start()).strip();
            } else if (rest.startsWith("(") && rest.endsWith(")")) {
                rest = rest.substring(1, rest.length() - 1).strip();
            } else {
                return false;
            }
        }
    }

    /** What two defaults are compared by. */
    public String key() {
        return canonical != null ? canonical : expression;
    }
}
