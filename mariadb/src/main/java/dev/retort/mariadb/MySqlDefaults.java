package dev.retort.mariadb;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL takes a function call bare after {@code DEFAULT} only for {@code CURRENT_TIMESTAMP} and its synonyms; any other
 * ({@code DEFAULT uuid()}, which MariaDB takes and {@link MariaDbSql} writes) is a syntax error there, {@code DEFAULT
 * (uuid())} its form. {@link #statement} puts each such call of a statement in parentheses, which change nothing MySQL
 * stores. The runner passes each rendered statement through it on MySQL (after {@link MySqlExistence}'s parsing, so the
 * rendered SQL and its checksum stay the dialect's), as does a MySQL {@code --sql} script and the canonicalizer's
 * scratch tables.
 */
public final class MySqlDefaults {
    private static final Pattern DEFAULT = Pattern.compile("(?i)\\bDEFAULT\\s+");

    private static final Pattern CALLED = Pattern.compile("(?i)([a-z_][a-z0-9_$]*)\\s*\\(");

    /** The calls MySQL takes bare after {@code DEFAULT} (for a {@code datetime} or {@code timestamp}). */
    private static final Set<String> BARE = Set.of("current_timestamp", "now", "localtime", "localtimestamp");

    private MySqlDefaults() {}

    /** The statement with each {@code DEFAULT} function call MySQL does not take bare put in parentheses. */
    public static String statement(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = quotedEnd(sql, i);
                out.append(sql, i, end);
                i = end;
                continue;
            }
            Matcher keyword = c == 'D' || c == 'd' ? DEFAULT.matcher(sql).region(i, sql.length()) : null;
            if (keyword != null && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1))) && keyword.lookingAt()) {
                int at = keyword.end();
                out.append(sql, i, at);
                Matcher call = CALLED.matcher(sql).region(at, sql.length());
                if (call.lookingAt() && !BARE.contains(call.group(1).toLowerCase(Locale.ROOT))) {
                    int close = MariaDbSql.closing(sql, call.end() - 1);
                    if (close > 0) {
                        out.append('(').append(sql, at, close + 1).append(')');
                        i = close + 1;
                        continue;
                    }
                }
                i = at;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Where the quoted text starting at {@code open} ends (past its closing quote; a doubled quote or a backslash escapes). */
    private static int quotedEnd(String sql, int open) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') i += 2;
            else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) i += 2;
                else return i + 1;
            } else i++;
        }
        return sql.length();
    }
}
