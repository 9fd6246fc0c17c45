package dev.retort.lint.internal;

import dev.retort.Dialect;
import dev.retort.mariadb.InnoDbInstant;
import dev.retort.mariadb.MySqlDefaults;
import java.util.List;
import java.util.Set;

/**
 * Whether a default calls a function that makes the database fill an added column row by row instead of storing the
 * value once: on PostgreSQL (11+) a volatile one, rewriting the table ({@code now()}, {@code current_timestamp} and the
 * other transaction-time functions are stable, so they are fast); on MariaDB 10.11 those it copies the table for.
 */
public final class Volatility {
    /** PostgreSQL's own volatile functions a default uses (pg_proc.provolatile = 'v'), and uuid-ossp's. */
    static final Set<String> VOLATILE = Set.of(
            "clock_timestamp",
            "timeofday",
            "random",
            "random_normal",
            "gen_random_uuid",
            "uuidv4",
            "uuidv7",
            "uuid_generate_v1",
            "uuid_generate_v1mc",
            "uuid_generate_v4",
            "nextval",
            "setseed",
            "txid_current",
            "pg_current_xact_id");

    /**
     * What MariaDB 10.11 evaluates row by row for a column it adds, copying the table (ALGORITHM=COPY, LOCK=SHARED);
     * {@code rand()}, {@code current_timestamp()} and constants it stores once, instantly.
     */
    public static final Set<String> MARIADB_ROW_BY_ROW = InnoDbInstant.ROW_BY_ROW_DEFAULTS;

    private Volatility() {}

    /** The first call of {@link #MARIADB_ROW_BY_ROW} a MariaDB default makes ({@code NEXT VALUE FOR} is nextval), or null. */
    static String mariaDbRowByRow(List<SqlToken> expression) {
        for (int i = 0; i < expression.size(); i++) {
            SqlToken token = expression.get(i);
            boolean call = i + 1 < expression.size() && expression.get(i + 1).isSymbol("(");
            if (token.kind() == SqlToken.Kind.WORD && MARIADB_ROW_BY_ROW.contains(token.text()) && call)
                return token.text();
            if (token.is("next")
                    && i + 1 < expression.size()
                    && expression.get(i + 1).is("value")) return "nextval";
        }
        return null;
    }

    public static String mariaDbRowByRow(String expression) {
        List<List<SqlToken>> statements = SqlLexer.statements(expression, Dialect.MARIADB);
        if (statements == null || statements.isEmpty()) return null;
        return mariaDbRowByRow(statements.get(0));
    }

    /**
     * The first function of {@link MySqlDefaults#REFUSED_WHEN_ADDED} a hand-written MySQL default calls, which MySQL
     * refuses for an added column while its binary log is on, or null.
     */
    static String mySqlRefused(List<SqlToken> expression) {
        for (int i = 0; i + 1 < expression.size(); i++) {
            SqlToken token = expression.get(i);
            if (token.kind() == SqlToken.Kind.WORD
                    && MySqlDefaults.REFUSED_WHEN_ADDED.contains(token.text())
                    && expression.get(i + 1).isSymbol("(")) return token.text();
        }
        return null;
    }

    /**
     * Whether MySQL adds a column with the hand-written default instantly: a number (signed or not), a string, {@code
     * NULL}, {@code TRUE}, {@code FALSE}, or {@link MySqlDefaults#BARE}'s clock with an optional precision; anything
     * else is an expression, added by copying the table ({@link MySqlDefaults#addedInstantly} for the DSL's).
     */
    static boolean mySqlInstant(List<SqlToken> expression) {
        int i = 0;
        if (i < expression.size()
                && (expression.get(i).isSymbol("-") || expression.get(i).isSymbol("+"))) i++;
        if (i >= expression.size()) return false;
        SqlToken first = expression.get(i);
        int rest = expression.size() - i - 1;
        if (first.kind() == SqlToken.Kind.NUMBER) return rest == 0;
        if (i > 0) return false;
        if (first.kind() == SqlToken.Kind.STRING) return rest == 0;
        if (first.is("null") || first.is("true") || first.is("false")) return rest == 0;
        if (first.kind() != SqlToken.Kind.WORD || !MySqlDefaults.BARE.contains(first.text())) return false;
        if (rest == 0) return true;
        List<SqlToken> call = expression.subList(1, expression.size());
        return call.get(0).isSymbol("(")
                && call.get(call.size() - 1).isSymbol(")")
                && (call.size() == 2 || (call.size() == 3 && call.get(1).kind() == SqlToken.Kind.NUMBER));
    }

    /** The first volatile function the expression calls, or null. */
    static String volatileCall(List<SqlToken> expression) {
        for (int i = 0; i < expression.size(); i++) {
            SqlToken token = expression.get(i);
            boolean call = i + 1 < expression.size() && expression.get(i + 1).isSymbol("(");
            if (token.kind() == SqlToken.Kind.WORD && VOLATILE.contains(token.text()) && (call || token.is("nextval")))
                return token.text();
        }
        return null;
    }

    static String volatileCall(String expression) {
        List<List<SqlToken>> statements = SqlLexer.statements(expression);
        if (statements == null || statements.isEmpty()) return null;
        return volatileCall(statements.get(0));
    }
}
