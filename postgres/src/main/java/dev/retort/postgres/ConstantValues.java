package dev.retort.postgres;

import dev.retort.schema.ColumnDefault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The constant defaults of one round, compared by value: each is evaluated in its column's type, which is a base type
 * of pg_catalog (whose input and casts run none of the database's code).
 */
final class ConstantValues {
    /** Marks a canonical form that is a constant's value, not SQL. */
    private static final String VALUE = "value ";

    /**
     * A default PostgreSQL prints as a plain constant: a quoted literal with or without a cast, or a
     * number. Such defaults are compared by value ({@code 5}, {@code '5'} and {@code 5.0} alike).
     */
    private static final Pattern CONSTANT = Pattern.compile(
            "'(?:[^']|'')*'(?:::[a-z ]+(?:\\(\\d+(?:,\\d+)?\\))?)?|-?\\d+(?:\\.\\d+)?|\\(-?\\d+(?:\\.\\d+)?\\)(?:::[a-z ]+)?");

    /** The constants to evaluate, each with the type to evaluate it in. */
    private final Map<String, String> constants = new HashMap<>();

    private final Map<String, String> values = new HashMap<>();

    /**
     * Takes a printed default for evaluation in {@code type}, the column's pg_catalog base type (null when it has none),
     * when it is a plain constant; tells whether it is.
     */
    boolean add(String type, String printed) {
        if (type == null || !CONSTANT.matcher(printed).matches()) return false;
        // a constant's value depends on the column's type: 2 is one thing as smallint, another as float
        constants.put(typed(type, printed), type);
        return true;
    }

    /** Evaluates the constant defaults in their column's type, numbers with trailing zeros trimmed, in one query. */
    void evaluate(Statement st) throws SQLException {
        if (constants.isEmpty()) return;
        List<String> keys = new ArrayList<>(constants.keySet());
        List<String> expressions = new ArrayList<>();
        for (String key : keys) {
            String type = constants.get(key);
            String expression = key.substring(type.length() + 1);
            boolean numeric = type.startsWith("numeric")
                    || type.equals("double precision")
                    || type.equals("real")
                    || type.equals("integer")
                    || type.equals("bigint")
                    || type.equals("smallint");
            expressions.add(
                    numeric
                            ? "pg_catalog.trim_scale((" + expression + ")::" + type + "::numeric)::text"
                            : "((" + expression + ")::" + type + ")::text");
        }
        try (ResultSet rs =
                st.executeQuery("SELECT ARRAY[" + String.join(", ", expressions) + "]::text[] AS evaluated")) {
            rs.next();
            String[] evaluated = (String[]) rs.getArray("evaluated").getArray();
            for (int i = 0; i < keys.size(); i++)
                values.put(keys.get(i), VALUE + constants.get(keys.get(i)) + " " + evaluated[i]);
        }
    }

    /** A printed default's canonical form: its value when it is a constant evaluated in {@code type}, else as printed. */
    String canonical(String type, String printed) {
        String typed = printed == null ? null : typed(type, printed);
        return typed != null && values.containsKey(typed) ? values.get(typed) : printed;
    }

    /** How a default is written for the next round: its printed form, or, once it is a value, as written (a constant prints stably). */
    static String sqlOf(ColumnDefault value) {
        return value.key().startsWith(VALUE) ? value.expression() : value.key();
    }

    /** A printed constant together with the type it is a value of. */
    private static String typed(String type, String printed) {
        return type == null ? null : type + "\u0000" + printed;
    }
}
