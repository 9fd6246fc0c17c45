package dev.retort.lint.internal;

import dev.retort.Dialect;
import dev.retort.mariadb.InnoDbInstant;
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
