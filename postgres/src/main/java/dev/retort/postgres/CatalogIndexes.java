package dev.retort.postgres;

import static dev.retort.postgres.CatalogValues.column;
import static dev.retort.postgres.CatalogValues.nullsNotDistinct;
import static dev.retort.postgres.CatalogValues.numbers;
import static dev.retort.postgres.CatalogValues.prepare;

import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the indexes of the tables in scope that back no constraint. */
final class CatalogIndexes {
    /**
     * Indexes that back no constraint (primary, unique and exclusion constraints have their own).
     * Keys, sort options and operator classes come as PostgreSQL's vectors (numbers separated by
     * spaces); only expression keys are deparsed here.
     */
    private static final String INDEXES = """
            SELECT n.nspname AS table_schema, c.relname AS table_name, ic.relname AS index_name, am.amname AS method,
                   i.indisunique AS is_unique, i.indnkeyatts AS key_count, i.indkey::text AS attributes,
                   CASE WHEN 0 = ANY (i.indkey::int2[])
                        THEN ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN '(' || pg_catalog.pg_get_indexdef(i.indexrelid, k, true) || ')' END
                                   FROM pg_catalog.generate_series(1, i.indnatts) AS k ORDER BY k) END AS expressions,
                   i.indoption::text AS options, pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
                   %s AS nulls_not_distinct, i.indclass::text AS operator_classes
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND i.indexrelid NOT IN (SELECT con.conindid FROM pg_constraint con WHERE con.contype IN ('p', 'u', 'x'))
            ORDER BY n.nspname, c.relname, ic.relname
            """;

    /** Operator classes that are not their type's default, as SQL: quoted where needed, schema-qualified unless in {@code pg_catalog}. */
    private static final String OPERATOR_CLASSES = """
            SELECT oc.oid AS oid, CASE WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname)
                                ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END AS name
            FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
            WHERE NOT oc.opcdefault
            """;

    private CatalogIndexes() {}

    /**
     * The indexes of the tables in scope, by table, naming key columns through {@code columnNames} (by table, then
     * attribute number).
     */
    static Map<QualifiedName, List<Index>> read(
            Connection connection, SchemaScope scope, Map<QualifiedName, Map<Integer, String>> columnNames)
            throws SQLException {
        Map<Long, String> operatorClasses = operatorClasses(connection);
        String sql = INDEXES.formatted(nullsNotDistinct(connection) ? "i.indnullsnotdistinct" : "false");
        Map<QualifiedName, List<Index>> indexes = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, sql, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                QualifiedName table = scope.nameOf(rs.getString("table_schema"), rs.getString("table_name"));
                indexes.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(index(rs, table, columnNames.getOrDefault(table, Map.of()), operatorClasses));
            }
        }
        return indexes;
    }

    private static Map<Long, String> operatorClasses(Connection connection) throws SQLException {
        Map<Long, String> operatorClasses = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(OPERATOR_CLASSES)) {
            while (rs.next()) operatorClasses.put(rs.getLong("oid"), rs.getString("name"));
        }
        return operatorClasses;
    }

    private static Index index(
            ResultSet rs, QualifiedName table, Map<Integer, String> names, Map<Long, String> operatorClasses)
            throws SQLException {
        int keyCount = rs.getInt("key_count");
        long[] attributes = numbers(rs.getString("attributes"));
        Array expressionArray = rs.getArray("expressions");
        String[] expressions = expressionArray == null ? null : (String[]) expressionArray.getArray();
        long[] options = numbers(rs.getString("options"));
        long[] classes = numbers(rs.getString("operator_classes"));
        List<String> all = new ArrayList<>(attributes.length);
        for (int k = 0; k < attributes.length; k++) {
            all.add(attributes[k] == 0 ? expressions[k] : column(names, (int) attributes[k], table));
        }
        List<Index.Key> keys = new ArrayList<>(keyCount);
        for (int k = 0; k < keyCount; k++) {
            // indoption bits: 1 is DESC, 2 is NULLS FIRST
            keys.add(new Index.Key(
                    all.get(k), (options[k] & 1) != 0, (options[k] & 2) != 0, operatorClasses.get(classes[k])));
        }
        return new Index(
                rs.getString("index_name"),
                keys,
                rs.getBoolean("is_unique"),
                rs.getString("method"),
                all.subList(keyCount, all.size()),
                rs.getString("predicate"),
                rs.getBoolean("nulls_not_distinct"));
    }
}
