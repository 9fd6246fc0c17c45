package dev.retort.postgres;

import dev.retort.VisibleText;

/**
 * An SQL expression (default, check, index predicate, generated column, exclusion) as read from
 * the catalog or the entities, with the hidden characters of its string literals and quoted
 * identifiers written as escapes: the same expression, and a script that shows what it holds.
 */
final class VisibleExpression {
    private VisibleExpression() {}

    static String of(String sql) {
        if (!VisibleText.hasHidden(sql)) return sql;
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (c == '$' || (c == '-' && next == '-') || (c == '/' && next == '*')) {
                return sql; // dollar quotes and comments are not rewritten: the expression stays as written
            } else if (c == '\'' || c == '"') {
                int end = closing(sql, i);
                if (end < 0) return sql;
                if (prefixed(sql, i)) {
                    out.append(sql, i, end + 1); // E'..', U&'..', B'..': their own escapes, left alone
                } else {
                    String body = sql.substring(i + 1, end).replace("" + c + c, "" + c);
                    out.append(c == '\'' ? PostgresSql.literal(body) : PostgresSql.quote(body));
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index of the quote closing the one at {@code start} (a doubled quote stays inside), or -1. */
    private static int closing(String sql, int start) {
        char quote = sql.charAt(start);
        for (int j = start + 1; j < sql.length(); j++) {
            if (sql.charAt(j) != quote) continue;
            if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                j++;
            } else {
                return j;
            }
        }
        return -1;
    }

    private static boolean prefixed(String sql, int quote) {
        if (quote == 0) return false;
        char before = sql.charAt(quote - 1);
        return Character.isLetterOrDigit(before) || before == '_' || before == '&';
    }
}
