package dev.retort.introspector;

import dev.retort.RetortException;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.runtime.sql.PostgresSql;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.EnumType;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives every check constraint, column default and index expression or predicate of a schema its
 * canonical form: the way PostgreSQL prints it back. Each table that has either is created as a temporary table, in a
 * transaction that is rolled back, and read back through {@code pg_get_constraintdef} and
 * {@code pg_get_expr}. Printing is not idempotent (a printed {@code ARRAY[...]::text[]} prints
 * back with a cast on each element), so this repeats until the forms stop changing; both the model
 * and the catalog go through it before they are compared, while migrations keep the expressions
 * as written.
 */
public final class ExpressionCanonicalizer {
    private static final int MAX_ROUNDS = 4;
    private static final String PREFIX = "retort_canon_";
    /** Marks a canonical form that is a constant's value, not SQL. */
    private static final String VALUE = "value ";

    private ExpressionCanonicalizer() {}

    public static Schema canonicalize(Connection connection, Schema schema) {
        Schema current = schema;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Schema next = round(connection, current);
            if (next.equals(current)) return next;
            current = next;
        }
        return current;
    }

    /**
     * Whether a column's type is really a whole column definition ({@code columnDefinition} with a
     * default, NOT NULL, a collation, ...), to be taken apart by PostgreSQL.
     */
    static boolean isDefinition(Column column) {
        String type = " " + column.type().toLowerCase(Locale.ROOT) + " ";
        return DEFINITION.matcher(type).find();
    }

    private static final Pattern DEFINITION = Pattern.compile(
            "\\s(default|not\\s+null|null|generated|collate|check|references|primary|unique|constraint)[\\s(]");

    private static boolean hasExpressions(Table table) {
        return !table.checks().isEmpty()
                || table.columns().stream().anyMatch(c -> c.defaultValue() != null || c.generated() != null || isDefinition(c))
                || table.indexes().stream().anyMatch(ExpressionCanonicalizer::hasExpressions);
    }

    private static boolean hasExpressions(Index index) {
        return index.where() != null || index.keys().stream().anyMatch(Index.Key::isExpression);
    }

    private static Schema round(Connection connection, Schema schema) {
        List<Table> involved = schema.tables().stream().filter(ExpressionCanonicalizer::hasExpressions).toList();
        if (involved.isEmpty()) return schema;
        Map<String, List<String>> checks = new HashMap<>();
        Map<String, Map<String, String>> defaults = new HashMap<>();
        Map<String, Map<String, String>> generated = new HashMap<>();
        Map<String, String> constants = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        Map<String, Map<String, Column>> definitions = new HashMap<>();
        Map<String, List<String>> indexKeys = new HashMap<>();
        Map<String, String> indexPredicates = new HashMap<>();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                createMissingEnums(st, schema.enums());
                createMissingSequences(st, schema.sequences());
                for (int i = 0; i < involved.size(); i++) create(st, PREFIX + i, involved.get(i));
                try (ResultSet rs = st.executeQuery("SELECT c.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                        + "JOIN pg_class c ON c.oid = con.conrelid WHERE c.relnamespace = pg_my_temp_schema() AND con.contype = 'c' "
                        + "AND c.relname LIKE 'retort\\_canon\\_%' ORDER BY c.relname, con.conname")) {
                    while (rs.next()) {
                        List<String> list = checks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                        int index = Integer.parseInt(rs.getString(2).substring("c".length()));
                        while (list.size() <= index) list.add(null);
                        list.set(index, PostgresIntrospector.checkExpression(rs.getString(3)));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid), "
                        + "format_type(a.atttypid, a.atttypmod), a.attgenerated = 's' FROM pg_attrdef d "
                        + "JOIN pg_class c ON c.oid = d.adrelid JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
                        + "WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE 'retort\\_canon\\_%'")) {
                    while (rs.next()) {
                        if (rs.getBoolean(5)) {
                            generated.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                            continue;
                        }
                        defaults.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                        if (CONSTANT.matcher(rs.getString(3)).matches()) constants.put(rs.getString(3), rs.getString(4));
                    }
                }
                evaluate(st, constants, values);
                try (ResultSet rs = st.executeQuery("SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                        + "pg_get_expr(d.adbin, d.adrelid), a.attgenerated = 's', " + PostgresIntrospector.COLLATION + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                        + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                        + "WHERE c.relnamespace = pg_my_temp_schema() AND c.relkind = 'r' AND c.relname LIKE 'retort\\_canon\\_%' "
                        + "AND a.attnum > 0 AND NOT a.attisdropped")) {
                    while (rs.next()) {
                        String printed = rs.getString(5);
                        boolean isGenerated = rs.getBoolean(6);
                        definitions.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), new Column(rs.getString(2),
                                rs.getString(3), !rs.getBoolean(4), Identity.NONE,
                                printed == null || isGenerated ? null : ColumnDefault.of(printed), null,
                                printed == null || !isGenerated ? null : ColumnDefault.of(printed), rs.getString(7)));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT ic.relname, ARRAY(SELECT CASE WHEN i.indkey[k - 1] <> 0 "
                        + "THEN (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) "
                        + "ELSE '(' || pg_get_indexdef(i.indexrelid, k, true) || ')' END FROM generate_series(1, i.indnkeyatts) AS k "
                        + "ORDER BY k), pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                        + "WHERE ic.relnamespace = pg_my_temp_schema() AND ic.relname LIKE 'retort\\_canon\\_%'")) {
                    while (rs.next()) {
                        indexKeys.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
                        indexPredicates.put(rs.getString(1), rs.getString(3));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RetortException("reading check constraints and defaults back from PostgreSQL failed: " + e.getMessage(), e);
        }
        Map<Table, String> scratchOf = new IdentityHashMap<>();
        for (int i = 0; i < involved.size(); i++) scratchOf.put(involved.get(i), PREFIX + i);
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables()) {
            String scratch = scratchOf.get(table);
            tables.add(scratch == null ? table : rewrite(resolveDefinitions(table, definitions.getOrDefault(scratch, Map.of())), scratch,
                    checks.getOrDefault(scratch, List.of()), defaults.getOrDefault(scratch, Map.of()), generated.getOrDefault(scratch, Map.of()),
                    values, indexKeys, indexPredicates));
        }
        return new Schema(tables, schema.sequences(), schema.enums());
    }

    /**
     * Replaces each column whose type is a whole definition by what PostgreSQL made of it: the
     * type, NOT NULL when either the definition or the mapping asks for it, and the definition's
     * default (its canonical form follows in the next round).
     */
    private static Table resolveDefinitions(Table table, Map<String, Column> printed) {
        if (table.columns().stream().noneMatch(ExpressionCanonicalizer::isDefinition)) return table;
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            Column made = printed.get(column.name());
            if (!isDefinition(column) || made == null) {
                columns.add(column);
                continue;
            }
            ColumnDefault value = made.defaultValue() != null ? made.defaultValue() : column.defaultValue();
            ColumnDefault generation = made.generated() != null ? made.generated() : column.generated();
            columns.add(new Column(column.name(), made.type(), column.nullable() && made.nullable(), column.identity(),
                    column.identity() == Identity.NONE && generation == null ? value : null, column.comment(), generation,
                    made.collation() != null ? made.collation() : column.collation()));
        }
        return new Table(table.name(), columns, table.primaryKey(), table.uniques(), table.foreignKeys(), table.checks(), table.indexes(),
                table.comment());
    }

    private static Table rewrite(Table table, String scratch, List<String> checks, Map<String, String> defaults,
                                 Map<String, String> generated, Map<String, String> values, Map<String, List<String>> indexKeys, Map<String, String> indexPredicates) {
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            ColumnDefault value = column.defaultValue();
            String printed = defaults.get(column.name());
            String canonical = printed != null && values.containsKey(printed) ? values.get(printed) : printed;
            Column next = value == null ? column : column.withDefault(new ColumnDefault(value.expression(), canonical));
            if (column.generated() != null && generated.get(column.name()) != null) {
                next = next.withGenerated(new ColumnDefault(column.generated().expression(), generated.get(column.name())));
            }
            columns.add(next);
        }
        List<CheckConstraint> canonicalChecks = new ArrayList<>();
        for (int j = 0; j < table.checks().size(); j++) canonicalChecks.add(table.checks().get(j).withCanonical(checks.get(j)));
        List<Index> indexes = new ArrayList<>();
        for (int j = 0; j < table.indexes().size(); j++) {
            Index index = table.indexes().get(j);
            List<String> printed = indexKeys.get(scratch + "_i" + j);
            if (printed == null) {
                indexes.add(index);
                continue;
            }
            List<Index.Key> keys = new ArrayList<>();
            for (int k = 0; k < index.keys().size(); k++) {
                Index.Key key = index.keys().get(k);
                keys.add(new Index.Key(printed.get(k), key.descending(), key.nullsFirst(), key.opclass()));
            }
            indexes.add(index.withKeys(keys).where(indexPredicates.get(scratch + "_i" + j)));
        }
        return new Table(table.name(), columns, table.primaryKey(), table.uniques(), table.foreignKeys(), canonicalChecks, indexes,
                table.comment());
    }

    /**
     * A default PostgreSQL prints as a plain constant: a quoted literal with or without a cast, or a
     * number. Such defaults are compared by value ({@code 5}, {@code '5'} and {@code 5.0} alike).
     */
    private static final Pattern CONSTANT = Pattern.compile("'(?:[^']|'')*'(?:::[a-z ]+(?:\\(\\d+(?:,\\d+)?\\))?)?|-?\\d+(?:\\.\\d+)?|\\(-?\\d+(?:\\.\\d+)?\\)(?:::[a-z ]+)?");

    /** Evaluates constant defaults in the column's type, numbers with trailing zeros trimmed, in one query. */
    private static void evaluate(Statement st, Map<String, String> constants, Map<String, String> values) throws SQLException {
        if (constants.isEmpty()) return;
        List<String> printed = new ArrayList<>(constants.keySet());
        List<String> expressions = new ArrayList<>();
        for (String expression : printed) {
            String type = constants.get(expression);
            boolean numeric = type.startsWith("numeric") || type.equals("double precision") || type.equals("real")
                    || type.equals("integer") || type.equals("bigint") || type.equals("smallint");
            expressions.add(numeric ? "trim_scale((" + expression + ")::" + type + "::numeric)::text" : "((" + expression + ")::" + type + ")::text");
        }
        try (ResultSet rs = st.executeQuery("SELECT ARRAY[" + String.join(", ", expressions) + "]::text[]")) {
            rs.next();
            String[] evaluated = (String[]) rs.getArray(1).getArray();
            for (int i = 0; i < printed.size(); i++) values.put(printed.get(i), VALUE + constants.get(printed.get(i)) + " " + evaluated[i]);
        }
    }

    /** How a default is written for the next round: its printed form, or, once it is a value, as written (a constant prints stably). */
    private static String sqlOf(ColumnDefault value) {
        return value.key().startsWith(VALUE) ? value.expression() : value.key();
    }

    /** Enum types the model has and the database not yet, so columns of those types can be created (all rolled back). */
    private static void createMissingEnums(Statement st, List<EnumType> enums) throws SQLException {
        for (EnumType type : enums) {
            String name = PostgresSql.table(type.name());
            try (ResultSet rs = st.executeQuery("SELECT to_regtype(" + PostgresSql.literal(name) + ") IS NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) continue;
            }
            for (String sql : PostgresSql.statements(new CreateEnum(type))) st.execute(sql);
        }
    }

    /** Sequences the model has and the database not yet, so defaults can call {@code nextval} on them (all rolled back). */
    private static void createMissingSequences(Statement st, List<Sequence> sequences) throws SQLException {
        for (Sequence sequence : sequences) {
            String name = PostgresSql.table(sequence.name());
            try (ResultSet rs = st.executeQuery("SELECT to_regclass(" + PostgresSql.literal(name) + ") IS NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) continue;
            }
            for (String sql : PostgresSql.statements(new CreateSequence(sequence.withoutOwner()))) st.execute(sql);
        }
    }

    /** A temporary table with the table's columns, their defaults, and its checks named c0, c1, ... in order. */
    private static void create(Statement st, String scratch, Table table) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            String definition = PostgresSql.quote(column.name()) + " " + column.type();
            if (!isDefinition(column)) {
                if (column.collation() != null) definition += " COLLATE " + column.collation();
                if (column.defaultValue() != null) definition += " DEFAULT " + sqlOf(column.defaultValue());
                if (column.generated() != null) definition += " GENERATED ALWAYS AS (" + column.generated().key() + ") STORED";
            }
            parts.add(definition);
        }
        for (int j = 0; j < table.checks().size(); j++) parts.add("CONSTRAINT c" + j + " CHECK (" + table.checks().get(j).key() + ")");
        try {
            st.execute("CREATE TEMPORARY TABLE " + scratch + " (" + String.join(", ", parts) + ") ON COMMIT DROP");
            for (int j = 0; j < table.indexes().size(); j++) {
                Index index = table.indexes().get(j);
                if (!hasExpressions(index)) continue;
                Index probe = new Index(scratch + "_i" + j, index.keys(), false, index.method(), List.of(), index.where(), false);
                for (String sql : PostgresSql.statements(new CreateIndex(TableName.of(scratch), probe))) st.execute(sql);
            }
        } catch (SQLException e) {
            throw new RetortException("table " + table.name() + ": PostgreSQL rejects a check constraint, default or index: "
                    + e.getMessage().replaceAll("\\s*\\n\\s*", " "), e);
        }
    }
}
