package dev.retort.postgres;

import static dev.retort.postgres.CatalogValues.named;
import static dev.retort.postgres.CatalogValues.nullsNotDistinct;
import static dev.retort.postgres.CatalogValues.prepare;
import static dev.retort.postgres.CatalogValues.strings;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The primary keys, unique, foreign-key and check constraints of the tables in scope, by table. */
record CatalogConstraints(
        Map<QualifiedName, PrimaryKey> primaryKeys,
        Map<QualifiedName, List<UniqueConstraint>> uniques,
        Map<QualifiedName, List<ForeignKey>> foreignKeys,
        Map<QualifiedName, List<CheckConstraint>> checks) {
    /**
     * Primary keys, unique, foreign-key and check constraints. Key columns come as attribute
     * numbers, named from the columns already read; a foreign key's referenced columns are named
     * here only when the referenced table is not among those read (another schema, a partition).
     */
    private static final String CONSTRAINTS = """
            SELECT n.nspname AS table_schema, c.relname AS table_name, con.conname AS constraint_name,
                   con.contype AS constraint_type, pg_catalog.array_to_string(con.conkey, ' ') AS key_columns,
                   fn.nspname AS referenced_schema, fc.relname AS referenced_table,
                   pg_catalog.array_to_string(con.confkey, ' ') AS referenced_columns,
                   CASE WHEN con.contype = 'f' AND NOT (fn.nspname = ANY (?) AND fc.relkind IN ('r', 'p') AND NOT fc.relispartition)
                        THEN ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.position) END
                        AS referenced_names,
                   con.confdeltype AS on_delete, con.confupdtype AS on_update, con.condeferrable AS is_deferrable,
                   con.condeferred AS initially_deferred, con.connoinherit AS no_inherit,
                   con.convalidated AS validated,
                   CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid) END AS check_definition,
                   %s AS nulls_not_distinct
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            LEFT JOIN pg_index ci ON ci.indexrelid = con.conindid AND con.contype = 'u'
            WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conislocal AND n.nspname = ANY (?)
            ORDER BY n.nspname, c.relname, con.conname
            """;

    CatalogConstraints {
        primaryKeys = Collections.unmodifiableMap(primaryKeys);
        uniques = Collections.unmodifiableMap(uniques);
        foreignKeys = Collections.unmodifiableMap(foreignKeys);
        checks = Collections.unmodifiableMap(checks);
    }

    /**
     * Reads the constraints of the tables in scope, naming key columns through {@code columnNames} (by table, then
     * attribute number).
     */
    static CatalogConstraints read(
            Connection connection, SchemaScope scope, Map<QualifiedName, Map<Integer, String>> columnNames)
            throws SQLException {
        Rows rows = new Rows(scope, columnNames);
        String sql = CONSTRAINTS.formatted(nullsNotDistinct(connection) ? "ci.indnullsnotdistinct" : "false");
        try (PreparedStatement st = prepare(connection, sql, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) rows.add(rs);
        }
        return new CatalogConstraints(rows.primaryKeys, rows.uniques, rows.foreignKeys, rows.checks);
    }

    /** The maps being filled, one row at a time. */
    private static final class Rows {
        private final SchemaScope scope;
        private final Map<QualifiedName, Map<Integer, String>> columnNames;
        private final Map<QualifiedName, PrimaryKey> primaryKeys = new LinkedHashMap<>();
        private final Map<QualifiedName, List<UniqueConstraint>> uniques = new LinkedHashMap<>();
        private final Map<QualifiedName, List<ForeignKey>> foreignKeys = new LinkedHashMap<>();
        private final Map<QualifiedName, List<CheckConstraint>> checks = new LinkedHashMap<>();

        Rows(SchemaScope scope, Map<QualifiedName, Map<Integer, String>> columnNames) {
            this.scope = scope;
            this.columnNames = columnNames;
        }

        void add(ResultSet rs) throws SQLException {
            QualifiedName table = scope.nameOf(rs.getString("table_schema"), rs.getString("table_name"));
            Map<Integer, String> names = columnNames.get(table);
            if (names == null) return; // a partition's: partitions are not read
            String name = rs.getString("constraint_name");
            List<String> columns = named(rs.getString("key_columns"), names, table);
            switch (rs.getString("constraint_type")) {
                case "p" -> primaryKeys.put(table, new PrimaryKey(name, columns));
                case "u" ->
                    uniques.computeIfAbsent(table, t -> new ArrayList<>())
                            .add(new UniqueConstraint(name, columns, rs.getBoolean("nulls_not_distinct")));
                case "c" ->
                    checks.computeIfAbsent(table, t -> new ArrayList<>()).add(check(rs, name));
                default ->
                    foreignKeys
                            .computeIfAbsent(table, t -> new ArrayList<>())
                            .add(foreignKey(rs, scope, columnNames, name, columns));
            }
        }
    }

    private static ForeignKey foreignKey(
            ResultSet rs,
            SchemaScope scope,
            Map<QualifiedName, Map<Integer, String>> columnNames,
            String name,
            List<String> columns)
            throws SQLException {
        QualifiedName referenced = scope.nameOf(rs.getString("referenced_schema"), rs.getString("referenced_table"));
        Array referencedNames = rs.getArray("referenced_names");
        List<String> referencedColumns = referencedNames != null
                ? strings(referencedNames)
                : named(rs.getString("referenced_columns"), columnNames.getOrDefault(referenced, Map.of()), referenced);
        return new ForeignKey(
                name,
                columns,
                referenced,
                referencedColumns,
                action(rs.getString("on_delete")),
                action(rs.getString("on_update")),
                rs.getBoolean("is_deferrable"),
                rs.getBoolean("initially_deferred"),
                rs.getBoolean("validated"));
    }

    private static CheckConstraint check(ResultSet rs, String name) throws SQLException {
        CheckConstraint check = CheckConstraint.of(checkExpression(rs.getString("check_definition")))
                .named(name);
        if (rs.getBoolean("no_inherit")) check = check.noInherit();
        return rs.getBoolean("validated") ? check : check.notValid();
    }

    /**
     * {@code CHECK ((x > 0)) NO INHERIT NOT VALID} as printed by {@code pg_get_constraintdef} gives
     * {@code ((x > 0))}: the expression is printed in parentheses, what follows them is the
     * constraint's state, read from its own columns.
     */
    static String checkExpression(String definition) {
        String expression = definition.startsWith("CHECK ") ? definition.substring("CHECK ".length()) : definition;
        for (String suffix : List.of(" NOT VALID", " NO INHERIT")) {
            if (expression.endsWith(suffix))
                expression = expression.substring(0, expression.length() - suffix.length());
        }
        return expression;
    }

    private static ForeignKey.Action action(String code) {
        return switch (code) {
            case "r" -> ForeignKey.Action.RESTRICT;
            case "c" -> ForeignKey.Action.CASCADE;
            case "n" -> ForeignKey.Action.SET_NULL;
            case "d" -> ForeignKey.Action.SET_DEFAULT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }
}
