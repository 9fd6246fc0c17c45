package dev.retort.postgres;

import static dev.retort.postgres.CatalogValues.prepare;

import dev.retort.schema.Namespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas in scope other than the default one, as objects, read in one query: their comments and
 * every object that depends on them ({@code pg_depend}), in scope or not, but for the sequences of
 * identity columns (part of their column): its kind and identity as {@code pg_identify_object} gives
 * them, and, for relations and types, its name in the catalog.
 */
final class CatalogNamespaces {
    private static final String NAMESPACES = """
            SELECT n.nspname AS schema_name, pg_catalog.obj_description(n.oid, 'pg_namespace') AS schema_comment,
                   m.kind AS member_kind, m.name AS member_name, m.shown AS member_shown
            FROM pg_namespace n
            LEFT JOIN LATERAL (
                SELECT i.type AS kind, i.identity AS shown,
                       CASE d.classid WHEN 'pg_catalog.pg_class'::regclass::oid THEN (SELECT c.relname::text FROM pg_class c WHERE c.oid = d.objid)
                                      WHEN 'pg_catalog.pg_type'::regclass::oid THEN (SELECT t.typname::text FROM pg_type t WHERE t.oid = d.objid)
                                      ELSE COALESCE(i.name, i.identity) END AS name
                FROM pg_depend d,
                     LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, d.objsubid) i
                WHERE d.refclassid = 'pg_catalog.pg_namespace'::regclass::oid AND d.refobjid = n.oid
                  AND NOT EXISTS (SELECT 1 FROM pg_depend o WHERE o.classid = 'pg_catalog.pg_class'::regclass::oid
                                  AND o.objid = d.objid AND d.classid = 'pg_catalog.pg_class'::regclass::oid
                                  AND o.refobjsubid > 0 AND o.deptype = 'i')) m ON true
            WHERE n.nspname = ANY (?)
            ORDER BY n.nspname, m.kind, m.shown
            """;

    private CatalogNamespaces() {}

    static List<Namespace> read(Connection connection, SchemaScope scope) throws SQLException {
        Map<String, Namespace> read = new LinkedHashMap<>();
        Map<String, List<Namespace.Member>> members = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, NAMESPACES, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("schema_name");
                if (name.equals(scope.defaultSchema())) continue;
                read.putIfAbsent(name, Namespace.of(name).comment(rs.getString("schema_comment")));
                List<Namespace.Member> held = members.computeIfAbsent(name, n -> new ArrayList<>());
                if (rs.getString("member_kind") != null)
                    held.add(new Namespace.Member(
                            rs.getString("member_kind"), rs.getString("member_name"), rs.getString("member_shown")));
            }
        }
        List<Namespace> namespaces = new ArrayList<>(read.size());
        read.forEach((name, namespace) -> namespaces.add(namespace.withMembers(members.get(name))));
        return namespaces;
    }
}
