package dev.retort.postgres;

import static dev.retort.postgres.CatalogValues.prepare;

import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The standalone composite types in scope, read in one query: their attributes in order. */
final class CatalogTypes {
    /**
     * One row per attribute of a composite type that is not a table's, view's or sequence's row type
     * ({@code relkind = 'c'}), in attribute order, each attribute's type {@code t}; types that belong to an extension are not the schema's.
     */
    private static final String TYPES = """
            SELECT n.nspname AS type_schema, ct.typname AS type_name, a.attname AS attribute_name,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS attribute_type,
            """ + CatalogColumns.COLLATION + """
                 AS collation
            FROM pg_type ct
            JOIN pg_namespace n ON n.oid = ct.typnamespace
            JOIN pg_class c ON c.oid = ct.typrelid AND c.relkind = 'c'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE ct.typtype = 'c' AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::regclass::oid AND d.objid = ct.oid AND d.deptype = 'e')
            ORDER BY n.nspname, ct.typname, a.attnum
            """;

    private CatalogTypes() {}

    static List<CompositeType> read(Connection connection, SchemaScope scope) throws SQLException {
        Map<QualifiedName, List<Attribute>> types = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, TYPES, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                QualifiedName name = scope.nameOf(rs.getString("type_schema"), rs.getString("type_name"));
                Attribute attribute = new Attribute(
                        rs.getString("attribute_name"), rs.getString("attribute_type"), rs.getString("collation"));
                types.computeIfAbsent(name, n -> new ArrayList<>()).add(attribute);
            }
        }
        List<CompositeType> read = new ArrayList<>(types.size());
        types.forEach((name, attributes) -> read.add(new CompositeType(name, attributes)));
        return read;
    }
}
