package dev.retort.mariadb;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL takes a function call bare after {@code DEFAULT} only for {@code CURRENT_TIMESTAMP} and its synonyms; any other
 * ({@code DEFAULT uuid()}, which MariaDB takes and {@link MariaDbSql} writes) is a syntax error there, {@code DEFAULT
 * (uuid())} its form. {@link #statement} puts each such call of a statement in parentheses, which change nothing MySQL
 * stores, and takes a bit or hex value out of them, which would. The runner passes each rendered statement through it on MySQL (after {@link MySqlExistence}'s parsing, so the
 * rendered SQL and its checksum stay the dialect's), as does a MySQL {@code --sql} script and the canonicalizer's
 * scratch tables.
 */
public final class MySqlDefaults {
    private static final Pattern DEFAULT = Pattern.compile("(?i)\\bDEFAULT\\s+");

    private static final Pattern CALLED = Pattern.compile("(?i)([a-z_][a-z0-9_$]*)\\s*\\(");

    /**
     * A bit or hex value that {@link MariaDbSql} writes in parentheses ({@code DEFAULT (b'0')}): MySQL would store it as
     * an expression ({@code 0x00}, {@code DEFAULT_GENERATED}, and an added column's table copied), where bare it is the
     * literal {@code b'0'} that a column made by Hibernate or by hand has, so it goes bare.
     */
    private static final Pattern BIT_OR_HEX_IN_PARENTHESES =
            Pattern.compile("(?i)\\(\\s*(b'[01]*'|x'[0-9a-f]*'|0x[0-9a-f]+)\\s*\\)");

    /** The calls MySQL takes bare after {@code DEFAULT} (for a {@code datetime} or {@code timestamp}). */
    private static final Set<String> BARE = Set.of("current_timestamp", "now", "localtime", "localtimestamp");

    /**
     * The functions MySQL refuses in the default of an added column while its binary log is on (its default since 8.0):
     * each row's value could differ on a replica (error 1674). It takes them in {@code CREATE TABLE}, {@code SET
     * DEFAULT} and {@code MODIFY}.
     */
    public static final Set<String> REFUSED_WHEN_ADDED = Set.of("rand", "sysdate", "uuid", "uuid_short");

    private static final Pattern REFUSED_CALL =
            Pattern.compile("(?i)\\b(" + String.join("|", new TreeSet<>(REFUSED_WHEN_ADDED)) + ")\\s*\\(");

    /**
     * Defaults MySQL adds a column with instantly: the literals it runs bare, a number, a string, a bit or hex value,
     * {@code NULL}, {@code TRUE}, {@code FALSE}, and {@code CURRENT_TIMESTAMP} and its synonyms. Any other default is an
     * expression in parentheses there ({@code DEFAULT (uuid())}), which MySQL adds only by copying the table: {@code
     * DEFAULT (5)} too.
     */
    private static final Pattern INSTANT = Pattern.compile("(?i)[-+]?[0-9]+(\\.[0-9]*)?(e[-+]?[0-9]+)?"
            + "|'([^'\\\\]|''|\\\\.)*'|[bx]'[0-9a-f]*'|0x[0-9a-f]+|null|true|false"
            + "|(" + String.join("|", new TreeSet<>(BARE)) + ")(\\s*\\(\\s*[0-6]?\\s*\\))?");

    /** The types MySQL's default {@code sql_mode} (strict, {@code NO_ZERO_DATE}) holds to a real date. */
    private static final Pattern DATED = Pattern.compile("(?i)(date|datetime|timestamp)(\\(\\d\\))?");

    private MySqlDefaults() {}

    /**
     * The function of the default that MySQL refuses for an added column while its binary log is on (error 1674), or
     * null.
     */
    public static String refusedWhenAdded(String expression) {
        Matcher refused = REFUSED_CALL.matcher(expression);
        return refused.find() ? refused.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Whether MySQL adds a column with this default instantly; with any other, it copies the table. */
    public static boolean addedInstantly(String expression) {
        return INSTANT.matcher(expression.strip()).matches();
    }

    /**
     * Whether a {@code NOT NULL} column of the type added without a default fails on MySQL's rows ({@code date},
     * {@code datetime}: error 1292) or leaves them a zero date that a later copy of the table fails on ({@code
     * timestamp}).
     */
    public static boolean zeroDated(String type) {
        return DATED.matcher(type).matches();
    }

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
                Matcher literal = BIT_OR_HEX_IN_PARENTHESES.matcher(sql).region(at, sql.length());
                if (literal.lookingAt()) {
                    out.append(literal.group(1));
                    i = literal.end();
                    continue;
                }
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
