package dev.retort.lint.internal;

import java.util.List;
import java.util.Set;

/**
 * Whether a default calls a volatile function, which makes PostgreSQL (11+) fill an added column row by row, rewriting
 * the table, instead of storing the value once: {@code now()}, {@code current_timestamp} and the other transaction-time
 * functions are stable, so they are fast.
 */
final class Volatility {
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

    private Volatility() {}

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
