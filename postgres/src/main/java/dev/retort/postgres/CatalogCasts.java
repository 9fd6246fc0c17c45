package dev.retort.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which type changes PostgreSQL can convert, as the server's own catalog says: the types a plan
 * changes between and every base type and element type they reach ({@code pg_type}), and the casts
 * among them ({@code pg_cast}), read once, set-based, in two queries that run no function of the
 * database. A value converts, as {@code USING c::type} converts it, when the pair (domains by their
 * base types, arrays by their element types) has a cast of any context, is binary coercible, or goes
 * through the I/O of a string type (anything to {@code text}, {@code varchar}, ...; a string to
 * anything, which may fail on the data). Enum and composite types are converted through text, as
 * Retort writes them; a type the database does not know (one the plan creates) is not judged.
 */
public final class CatalogCasts {
    /** The named types, and every type their domains' base types and their arrays' element types reach. */
    private static final String TYPES = """
            WITH RECURSIVE named AS (
                SELECT n.name, pg_catalog.to_regtype(n.name) AS oid FROM pg_catalog.unnest(?::text[]) AS n(name)
            ), reached AS (
                SELECT named.oid FROM named WHERE named.oid IS NOT NULL
                UNION
                SELECT x.oid FROM reached r
                JOIN pg_catalog.pg_type t ON t.oid = r.oid
                CROSS JOIN LATERAL (VALUES (NULLIF(t.typbasetype, 0)),
                    (CASE WHEN t.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc
                          THEN NULLIF(t.typelem, 0) END)) AS x(oid)
                WHERE x.oid IS NOT NULL
            )
            SELECT t.oid, t.typtype, t.typcategory, NULLIF(t.typbasetype, 0) AS base,
                   CASE WHEN t.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc
                        THEN NULLIF(t.typelem, 0) END AS element,
                   (SELECT pg_catalog.array_agg(named.name) FROM named WHERE named.oid = t.oid) AS names
            FROM reached JOIN pg_catalog.pg_type t ON t.oid = reached.oid
            """;

    private static final String CASTS = """
            SELECT c.castsource, c.casttarget FROM pg_catalog.pg_cast c
            WHERE c.castsource = ANY (?::oid[]) AND c.casttarget = ANY (?::oid[])
            """;

    /** One type: its kind ({@code typtype}), category, the base type of a domain, the element type of an array. */
    private record Type(long oid, String kind, String category, Long base, Long element) {}

    private final Map<String, Long> named;
    private final Map<Long, Type> types;
    private final Set<List<Long>> casts;

    private CatalogCasts(Map<String, Long> named, Map<Long, Type> types, Set<List<Long>> casts) {
        this.named = named;
        this.types = types;
        this.casts = casts;
    }

    /** The catalog's types and casts for these type names, as Retort spells them. */
    public static CatalogCasts read(Connection connection, Collection<String> typeNames) {
        Map<String, Long> named = new HashMap<>();
        Map<Long, Type> types = new HashMap<>();
        Set<List<Long>> casts = new HashSet<>();
        if (typeNames.isEmpty()) return new CatalogCasts(named, types, casts);
        try {
            try (PreparedStatement st = connection.prepareStatement(TYPES)) {
                st.setArray(1, connection.createArrayOf("text", typeNames.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long oid = rs.getLong("oid");
                        types.put(
                                oid,
                                new Type(
                                        oid,
                                        rs.getString("typtype"),
                                        rs.getString("typcategory"),
                                        oid(rs, "base"),
                                        oid(rs, "element")));
                        Array names = rs.getArray("names");
                        if (names != null) for (String name : CatalogValues.strings(names)) named.put(name, oid);
                    }
                }
            }
            Long[] oids = types.keySet().toArray(Long[]::new);
            try (PreparedStatement st = connection.prepareStatement(CASTS)) {
                st.setArray(1, connection.createArrayOf("oid", oids));
                st.setArray(2, connection.createArrayOf("oid", oids));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) casts.add(List.of(rs.getLong("castsource"), rs.getLong("casttarget")));
                }
            }
        } catch (SQLException e) {
            throw CatalogException.failed("reading the casts of types " + typeNames, e);
        }
        return new CatalogCasts(named, types, casts);
    }

    /**
     * Whether a value of {@code from} converts to {@code to} with a cast; true too where the catalog
     * cannot tell (a type it does not know) or Retort converts through text (enum and composite types).
     */
    public boolean converts(String from, String to) {
        Long source = named.get(from);
        Long target = named.get(to);
        if (source == null || target == null) return true;
        if (throughText(source) || throughText(target)) return true;
        return pathway(source, target);
    }

    private static Long oid(ResultSet rs, String column) throws SQLException {
        long oid = rs.getLong(column);
        return rs.wasNull() ? null : oid;
    }

    private boolean throughText(long oid) {
        Type type = types.get(oid);
        if (type == null) return false;
        if (type.kind().equals("e") || type.kind().equals("c")) return true;
        if (type.base() != null) return throughText(type.base());
        return type.element() != null && throughText(type.element());
    }

    /** PostgreSQL's coercion pathway in an explicit cast, as {@code find_coercion_pathway} looks for one. */
    private boolean pathway(long source, long target) {
        source = base(source);
        Type to = types.get(target);
        if (to != null && to.base() != null) return pathway(source, to.base());
        if (source == target || casts.contains(List.of(source, target))) return true;
        Type from = types.get(source);
        if (from == null || to == null) return true;
        if (from.element() != null && to.element() != null) return pathway(from.element(), to.element());
        // the automatic I/O conversions: to a string type by assignment, from one explicitly
        return "S".equals(to.category()) || "S".equals(from.category());
    }

    private long base(long oid) {
        Type type = types.get(oid);
        return type == null || type.base() == null ? oid : base(type.base());
    }
}
