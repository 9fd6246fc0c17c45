package dev.retort.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The search paths Retort's own statements run under, so that nothing a database defines (a function, operator or
 * relation named like a built-in, in a schema the database's or role's {@code search_path} puts first) stands in for
 * a built-in. Every built-in function is also called qualified; operators cannot be, so pg_catalog comes first.
 */
final class CatalogPath {
    /** For statements that only read the catalog: nothing but pg_catalog and the session's own temporary tables. */
    static final String PINNED = "SET LOCAL search_path = pg_catalog, pg_temp";

    /**
     * pg_catalog first, then the session's schemas, temporary tables last: user types, sequences and functions still
     * resolve and print as they do for the user, built-ins cannot be shadowed. Computed in SQL from the session's path
     * (no round trip), calling only qualified functions and no operator.
     */
    static final String CATALOG_FIRST =
            "SELECT pg_catalog.set_config('search_path', pg_catalog.array_to_string(pg_catalog.array_cat("
                    + "ARRAY['pg_catalog'], pg_catalog.array_append(ARRAY(SELECT pg_catalog.quote_ident(s) "
                    + "FROM pg_catalog.unnest(pg_catalog.current_schemas(false)) AS s), 'pg_temp')), ', '), true)";

    private CatalogPath() {}

    /** Runs {@code query} under {@link #PINNED}, in the same round trip, and gives its rows. */
    static ResultSet pinned(Statement st, String query) throws SQLException {
        return last(st, PINNED + ";\n" + query);
    }

    /** Runs statements of which the last is a query, in one round trip, and gives that query's rows. */
    static ResultSet last(Statement st, String sql) throws SQLException {
        ResultSet last = null;
        boolean isQuery = st.execute(sql);
        while (isQuery || st.getUpdateCount() != -1) {
            if (isQuery) {
                if (last != null) last.close();
                last = st.getResultSet();
            }
            isQuery = st.getMoreResults(Statement.KEEP_CURRENT_RESULT);
        }
        if (last == null) throw new IllegalStateException("no query among: " + sql);
        return last;
    }
}
