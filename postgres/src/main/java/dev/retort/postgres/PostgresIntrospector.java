package dev.retort.postgres;

import dev.retort.RetortException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.IdentityOptions;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableName;
import dev.retort.schema.UniqueConstraint;
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

/**
 * Reads the tables and standalone sequences of a live PostgreSQL database into a {@link Schema}.
 *
 * <p>One set-based catalog query per kind of object (columns, constraints, sequences), never one
 * per table, so reading a thousand tables costs about as much as reading ten.
 */
public final class PostgresIntrospector {
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
            SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
                   CASE WHEN a.attgenerated <> '' THEN NULL ELSE pg_catalog.pg_get_expr(d.adbin, 0) END,
                   td.description, cd.description,
                   CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END,
            """ + PostgresIntrospector.COLLATION + """
                 , ident.seqstart, ident.seqincrement, ident.seqmin, ident.seqmax, ident.seqcache, ident.seqcycle, a.attnum
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

    /**
     * Primary keys, unique, foreign-key and check constraints. Key columns come as attribute
     * numbers, named from the columns already read; a foreign key's referenced columns are named
     * here only when the referenced table is not among those read (another schema, a partition).
     */
    private static final String CONSTRAINTS = """
            SELECT n.nspname, c.relname, con.conname, con.contype, pg_catalog.array_to_string(con.conkey, ' '),
                   fn.nspname, fc.relname, pg_catalog.array_to_string(con.confkey, ' '),
                   CASE WHEN con.contype = 'f' AND NOT (fn.nspname = ANY (?) AND fc.relkind IN ('r', 'p') AND NOT fc.relispartition)
                        THEN ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.position) END,
                   con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred,
                   CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid) END, %s
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            LEFT JOIN pg_index ci ON ci.indexrelid = con.conindid AND con.contype = 'u'
            WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conislocal AND n.nspname = ANY (?)
            ORDER BY n.nspname, c.relname, con.conname
            """;

    /**
     * Indexes that back no constraint (primary, unique and exclusion constraints have their own).
     * Keys, sort options and operator classes come as PostgreSQL's vectors (numbers separated by
     * spaces); only expression keys are deparsed here.
     */
    private static final String INDEXES = """
            SELECT n.nspname, c.relname, ic.relname, am.amname, i.indisunique, i.indnkeyatts, i.indkey::text,
                   CASE WHEN 0 = ANY (i.indkey::int2[])
                        THEN ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN '(' || pg_catalog.pg_get_indexdef(i.indexrelid, k, true) || ')' END
                                   FROM pg_catalog.generate_series(1, i.indnatts) AS k ORDER BY k) END,
                   i.indoption::text, pg_catalog.pg_get_expr(i.indpred, i.indrelid), %s, i.indclass::text
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
            SELECT oc.oid, CASE WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname)
                                ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END
            FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
            WHERE NOT oc.opcdefault
            """;

    /** Enum types and their labels in sort order; types that belong to an extension are not the schema's. */
    private static final String ENUMS = """
            SELECT n.nspname, t.typname, pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::regclass::oid AND d.objid = t.oid AND d.deptype = 'e')
            GROUP BY n.nspname, t.typname
            ORDER BY n.nspname, t.typname
            """;

    /** Sequences not owned by an identity or serial column: those belong to their column. */
    private static final String SEQUENCES = """
            SELECT n.nspname, c.relname, s.seqstart, s.seqincrement, owner.relname, owner.attname
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN LATERAL (SELECT t.relname, a.attname FROM pg_depend d
                               JOIN pg_class t ON t.oid = d.refobjid
                               JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                               WHERE d.classid = 'pg_catalog.pg_class'::regclass::oid AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass::oid
                                 AND d.refobjsubid > 0 AND d.deptype = 'a' LIMIT 1) owner ON true
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass::oid AND d.objid = c.oid
                              AND d.refobjsubid > 0 AND d.deptype = 'i')
            ORDER BY n.nspname, c.relname
            """;

    private PostgresIntrospector() {}

    /**
     * Reads the schemas in scope in one read-only, repeatable-read transaction (one snapshot for
     * every query), with the server's JIT compiler off: these queries are estimated expensive and
     * would spend longer compiling than running. pg_catalog comes first in the search path, so that
     * no schema of the database can shadow the catalog or its operators; the session's schemas follow,
     * so that names print as the user sees them. In a caller's transaction the path is put back after.
     */
    public static Schema read(Connection connection, SchemaScope scope) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            if (autoCommit) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try (Statement st = connection.createStatement()) {
                String callersPath = autoCommit ? null : currentPath(st);
                st.execute("SET LOCAL jit = off;\n" + CatalogPath.CATALOG_FIRST);
                Schema schema = readAll(connection, scope);
                if (callersPath != null) restorePath(connection, callersPath);
                return schema;
            } finally {
                if (autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    connection.setTransactionIsolation(isolation);
                }
            }
        } catch (SQLException e) {
            throw new RetortException(
                    "reading the catalog of schemas " + scope.schemas() + " failed: " + e.getMessage(), e);
        }
    }

    private static String currentPath(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('search_path')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void restorePath(Connection connection, String path) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
            st.setString(1, path);
            st.execute();
        }
    }

    private static Schema readAll(Connection connection, SchemaScope scope) throws SQLException {
        boolean nullsNotDistinct = connection.getMetaData().getDatabaseMajorVersion() >= 15;
        Map<TableName, String> comments = new LinkedHashMap<>();
        Map<TableName, Map<Integer, String>> columnNames = new HashMap<>();
        Map<TableName, List<Column>> columns = readColumns(connection, scope, comments, columnNames);
        Constraints constraints = readConstraints(connection, scope, columnNames, nullsNotDistinct);
        Map<TableName, List<Index>> indexes = readIndexes(connection, scope, columnNames, nullsNotDistinct);
        List<Table> tables = new ArrayList<>(columns.size());
        columns.forEach((name, cols) -> tables.add(new Table(
                name,
                cols,
                constraints.primaryKeys.get(name),
                constraints.uniques.getOrDefault(name, List.of()),
                constraints.foreignKeys.getOrDefault(name, List.of()),
                constraints.checks.getOrDefault(name, List.of()),
                indexes.getOrDefault(name, List.of()),
                comments.get(name))));
        return new Schema(tables, readSequences(connection, scope), readEnums(connection, scope));
    }

    /**
     * The columns of the tables in scope, in physical order; also records each table's comment and
     * the names of its columns by attribute number (for the keys of constraints and indexes),
     * excluded tables' included, since a foreign key may reference one.
     */
    private static Map<TableName, List<Column>> readColumns(
            Connection connection,
            SchemaScope scope,
            Map<TableName, String> comments,
            Map<TableName, Map<Integer, String>> columnNames)
            throws SQLException {
        Map<TableName, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, COLUMNS, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableName table = scope.nameOf(rs.getString(1), rs.getString(2));
                String name = rs.getString(3);
                Map<Integer, String> names = columnNames.computeIfAbsent(table, t -> new HashMap<>());
                if (name != null) names.put(rs.getInt(18), name);
                if (scope.excluded().contains(table)) continue;
                List<Column> list = columns.computeIfAbsent(table, t -> new ArrayList<>());
                if (rs.getString(8) != null) comments.put(table, rs.getString(8));
                if (name == null) continue;
                String defaultValue = rs.getString(7);
                String generated = rs.getString(10);
                list.add(new Column(
                        name,
                        rs.getString(4),
                        !rs.getBoolean(5),
                        identity(rs.getString(6)),
                        defaultValue == null ? null : ColumnDefault.of(defaultValue),
                        rs.getString(9),
                        generated == null ? null : ColumnDefault.of(generated),
                        rs.getString(11),
                        rs.getObject(12) == null
                                ? null
                                : IdentityOptions.of(
                                        rs.getString(4),
                                        rs.getLong(12),
                                        rs.getLong(13),
                                        rs.getLong(14),
                                        rs.getLong(15),
                                        rs.getLong(16),
                                        rs.getBoolean(17))));
            }
        }
        return columns;
    }

    /** The constraints of every table in scope, by table. */
    private static final class Constraints {
        final Map<TableName, PrimaryKey> primaryKeys = new LinkedHashMap<>();
        final Map<TableName, List<UniqueConstraint>> uniques = new LinkedHashMap<>();
        final Map<TableName, List<ForeignKey>> foreignKeys = new LinkedHashMap<>();
        final Map<TableName, List<CheckConstraint>> checks = new LinkedHashMap<>();
    }

    private static Constraints readConstraints(
            Connection connection,
            SchemaScope scope,
            Map<TableName, Map<Integer, String>> columnNames,
            boolean nullsNotDistinct)
            throws SQLException {
        Constraints constraints = new Constraints();
        String sql = CONSTRAINTS.formatted(nullsNotDistinct ? "ci.indnullsnotdistinct" : "false");
        try (PreparedStatement st = prepare(connection, sql, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableName table = scope.nameOf(rs.getString(1), rs.getString(2));
                Map<Integer, String> names = columnNames.get(table);
                if (names == null) continue; // a partition's: partitions are not read
                String name = rs.getString(3);
                List<String> columns = named(rs.getString(5), names, table);
                switch (rs.getString(4)) {
                    case "p" -> constraints.primaryKeys.put(table, new PrimaryKey(name, columns));
                    case "u" ->
                        constraints
                                .uniques
                                .computeIfAbsent(table, t -> new ArrayList<>())
                                .add(new UniqueConstraint(name, columns, rs.getBoolean(15)));
                    case "c" ->
                        constraints
                                .checks
                                .computeIfAbsent(table, t -> new ArrayList<>())
                                .add(new CheckConstraint(name, checkExpression(rs.getString(14))));
                    default -> {
                        TableName referenced = scope.nameOf(rs.getString(6), rs.getString(7));
                        Array referencedNames = rs.getArray(9);
                        List<String> referencedColumns = referencedNames != null
                                ? strings(referencedNames)
                                : named(rs.getString(8), columnNames.getOrDefault(referenced, Map.of()), referenced);
                        constraints
                                .foreignKeys
                                .computeIfAbsent(table, t -> new ArrayList<>())
                                .add(new ForeignKey(
                                        name,
                                        columns,
                                        referenced,
                                        referencedColumns,
                                        action(rs.getString(10)),
                                        action(rs.getString(11)),
                                        rs.getBoolean(12),
                                        rs.getBoolean(13)));
                    }
                }
            }
        }
        return constraints;
    }

    private static Map<TableName, List<Index>> readIndexes(
            Connection connection,
            SchemaScope scope,
            Map<TableName, Map<Integer, String>> columnNames,
            boolean nullsNotDistinct)
            throws SQLException {
        Map<Long, String> operatorClasses = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(OPERATOR_CLASSES)) {
            while (rs.next()) operatorClasses.put(rs.getLong(1), rs.getString(2));
        }
        String sql = INDEXES.formatted(nullsNotDistinct ? "i.indnullsnotdistinct" : "false");
        Map<TableName, List<Index>> indexes = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, sql, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableName table = scope.nameOf(rs.getString(1), rs.getString(2));
                Map<Integer, String> names = columnNames.getOrDefault(table, Map.of());
                int keyCount = rs.getInt(6);
                long[] attributes = numbers(rs.getString(7));
                Array expressionArray = rs.getArray(8);
                String[] expressions = expressionArray == null ? null : (String[]) expressionArray.getArray();
                long[] options = numbers(rs.getString(9));
                long[] classes = numbers(rs.getString(12));
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
                indexes.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new Index(
                                rs.getString(3),
                                keys,
                                rs.getBoolean(5),
                                rs.getString(4),
                                all.subList(keyCount, all.size()),
                                rs.getString(10),
                                rs.getBoolean(11)));
            }
        }
        return indexes;
    }

    /** Column names for attribute numbers separated by spaces ({@code "3 1"}), in that order. */
    private static List<String> named(String attributeNumbers, Map<Integer, String> names, TableName table) {
        long[] numbers = numbers(attributeNumbers);
        List<String> columns = new ArrayList<>(numbers.length);
        for (long number : numbers) columns.add(column(names, (int) number, table));
        return columns;
    }

    private static String column(Map<Integer, String> names, int number, TableName table) {
        String name = names.get(number);
        if (name == null) throw new RetortException("the catalog names no column " + number + " of table " + table);
        return name;
    }

    /** PostgreSQL's vector text ({@code int2vector}, {@code oidvector}) or a joined array: numbers separated by spaces. */
    private static long[] numbers(String text) {
        if (text == null || text.isEmpty()) return new long[0];
        String[] parts = text.split(" ");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) numbers[i] = Long.parseLong(parts[i]);
        return numbers;
    }

    private static List<EnumType> readEnums(Connection connection, SchemaScope scope) throws SQLException {
        List<EnumType> enums = new ArrayList<>();
        try (PreparedStatement st = prepare(connection, ENUMS, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next())
                enums.add(new EnumType(scope.nameOf(rs.getString(1), rs.getString(2)), strings(rs.getArray(3))));
        }
        return enums;
    }

    private static List<Sequence> readSequences(Connection connection, SchemaScope scope) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement st = prepare(connection, SEQUENCES, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableName name = scope.nameOf(rs.getString(1), rs.getString(2));
                if (scope.excluded().contains(name)) continue;
                Sequence sequence = new Sequence(name, rs.getLong(3), rs.getLong(4));
                if (rs.getString(5) != null) {
                    sequence = sequence.ownedBy(rs.getString(5), rs.getString(6));
                    if (scope.excluded().contains(sequence.ownerTable())) continue;
                }
                sequences.add(sequence);
            }
        }
        return sequences;
    }

    /** {@code CHECK ((x > 0)) NOT VALID} as printed by {@code pg_get_constraintdef} gives {@code ((x > 0))}. */
    static String checkExpression(String definition) {
        String expression = definition.startsWith("CHECK ") ? definition.substring("CHECK ".length()) : definition;
        return expression.endsWith(" NOT VALID")
                ? expression.substring(0, expression.length() - " NOT VALID".length())
                : expression;
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
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

    /** A statement whose every parameter is the array of schemas in scope. */
    private static PreparedStatement prepare(Connection connection, String sql, SchemaScope scope) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        try {
            Array schemas = connection.createArrayOf("text", scope.schemas().toArray());
            for (int i = 1, n = (int) sql.chars().filter(c -> c == '?').count(); i <= n; i++) st.setArray(i, schemas);
            return st;
        } catch (SQLException e) {
            st.close();
            throw e;
        }
    }

    private static Identity identity(String code) {
        if ("a".equals(code)) return Identity.ALWAYS;
        if ("d".equals(code)) return Identity.BY_DEFAULT;
        return Identity.NONE;
    }
}
