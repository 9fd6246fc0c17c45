package dev.retort.postgres;

import static dev.retort.postgres.CatalogValues.prepare;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Identity;
import dev.retort.schema.IdentityOptions;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of the tables in scope, in physical order, with each table's comment, the unlogged tables
 * ({@code pg_class.relpersistence = 'u'}), the names of its
 * columns by attribute number (for the keys of constraints and indexes; excluded tables' included, since a foreign
 * key may reference one).
 */
record CatalogColumns(
        Map<QualifiedName, List<Column>> columns,
        Map<QualifiedName, String> comments,
        Set<QualifiedName> unlogged,
        Map<QualifiedName, Map<Integer, String>> names) {
    /**
     * Columns with their defaults (a serial column's {@code nextval} is a default like any other; its
     * sequence is read with the sequences, owned by the column); generated columns' expressions are
     * not defaults.
     *
     * <p>A default cannot refer to a column, so it is deparsed without its table
     * ({@code pg_catalog.pg_get_expr(..., 0)}): with the table, PostgreSQL opens each table, which was half
     * the cost of the query. A generated column's expression names columns and needs its table.
     */
    private static final String COLUMNS = """
            SELECT n.nspname AS table_schema, c.relname AS table_name, a.attname AS column_name,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type, a.attnotnull AS not_null,
                   a.attidentity AS identity,
                   CASE WHEN a.attgenerated <> '' THEN NULL ELSE pg_catalog.pg_get_expr(d.adbin, 0) END AS default_value,
                   td.description AS table_comment, cd.description AS column_comment,
                   CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated,
            """ + CatalogColumns.COLLATION + """
                 AS collation, ident.seqstart AS identity_start, ident.seqincrement AS identity_increment,
                   ident.seqmin AS identity_min, ident.seqmax AS identity_max, ident.seqcache AS identity_cache,
                   ident.seqcycle AS identity_cycle, a.attnum AS attnum, c.relpersistence = 'u' AS unlogged
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_catalog.pg_class'::regclass::oid AND td.objsubid = 0
            LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_catalog.pg_class'::regclass::oid AND cd.objsubid = a.attnum
            LEFT JOIN LATERAL (SELECT s.* FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid
                               WHERE a.attidentity <> '' AND dep.classid = 'pg_catalog.pg_class'::regclass::oid AND dep.refclassid = 'pg_catalog.pg_class'::regclass::oid
                                 AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i' LIMIT 1) ident ON true
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
            ORDER BY n.nspname, c.relname, a.attnum
            """;

    /**
     * The collation of column {@code a} (of type {@code t}) when it is not its type's default, as SQL after
     * {@code COLLATE}: quoted where needed, schema-qualified unless in {@code pg_catalog}.
     */
    static final String COLLATION = """
            CASE WHEN a.attcollation <> 0::oid AND a.attcollation <> t.typcollation
                 THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(co.collname)
                                   ELSE pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END
                       FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END
            """;

    CatalogColumns {
        columns = Collections.unmodifiableMap(columns);
        comments = Collections.unmodifiableMap(comments);
        unlogged = Collections.unmodifiableSet(unlogged);
        names = Collections.unmodifiableMap(names);
    }

    /**
     * Reads the columns of the tables in scope; of the tables outside it (partitioned tables,
     * inheritance children), only the names of their columns.
     */
    static CatalogColumns read(Connection connection, SchemaScope scope, Set<QualifiedName> outsideScope)
            throws SQLException {
        Rows rows = new Rows(scope, outsideScope);
        try (PreparedStatement st = prepare(connection, COLUMNS, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) rows.add(rs);
        }
        return new CatalogColumns(rows.columns, rows.comments, rows.unlogged, rows.names);
    }

    /** The maps being filled, one row at a time. */
    private static final class Rows {
        private final SchemaScope scope;
        private final Set<QualifiedName> outsideScope;
        private final Map<QualifiedName, List<Column>> columns = new LinkedHashMap<>();
        private final Map<QualifiedName, String> comments = new LinkedHashMap<>();
        private final Set<QualifiedName> unlogged = new HashSet<>();
        private final Map<QualifiedName, Map<Integer, String>> names = new HashMap<>();

        Rows(SchemaScope scope, Set<QualifiedName> outsideScope) {
            this.scope = scope;
            this.outsideScope = outsideScope;
        }

        /** Files one row: a column, or a table without columns. */
        void add(ResultSet rs) throws SQLException {
            QualifiedName table = scope.nameOf(rs.getString("table_schema"), rs.getString("table_name"));
            String name = rs.getString("column_name");
            Map<Integer, String> numbered = names.computeIfAbsent(table, t -> new HashMap<>());
            if (name != null) numbered.put(rs.getInt("attnum"), name);
            if (scope.excluded().contains(table) || outsideScope.contains(table)) return;
            List<Column> list = columns.computeIfAbsent(table, t -> new ArrayList<>());
            if (rs.getString("table_comment") != null) comments.put(table, rs.getString("table_comment"));
            if (rs.getBoolean("unlogged")) unlogged.add(table);
            if (name == null) return;
            list.add(column(rs, name));
        }
    }

    private static Column column(ResultSet rs, String name) throws SQLException {
        String type = rs.getString("column_type");
        String defaultValue = rs.getString("default_value");
        String generated = rs.getString("generated");
        Column column = Column.of(name, type)
                .withNullable(!rs.getBoolean("not_null"))
                .withDefault(defaultValue == null ? null : ColumnDefault.of(defaultValue))
                .withGenerated(generated == null ? null : ColumnDefault.of(generated))
                .comment(rs.getString("column_comment"))
                .collate(rs.getString("collation"))
                .withIdentity(identity(rs.getString("identity")));
        if (rs.getObject("identity_start") == null) return column;
        return column.withIdentityOptions(IdentityOptions.of(
                type,
                rs.getLong("identity_start"),
                rs.getLong("identity_increment"),
                rs.getLong("identity_min"),
                rs.getLong("identity_max"),
                rs.getLong("identity_cache"),
                rs.getBoolean("identity_cycle")));
    }

    private static Identity identity(String code) {
        if ("a".equals(code)) return Identity.ALWAYS;
        if ("d".equals(code)) return Identity.BY_DEFAULT;
        return Identity.NONE;
    }
}
