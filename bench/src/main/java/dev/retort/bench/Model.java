package dev.retort.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The synthetic schema, one value rendered both as SQL and as entity classes: tables of thirteen
 * typed columns, a primary key, unique constraints, indexes and one foreign key each.
 */
record Model(List<Table> tables) {
    Model {
        tables = List.copyOf(tables);
    }

    /** The column types of the benchmark, each with its PostgreSQL spelling. */
    enum Type {
        ID,
        VARCHAR,
        TEXT,
        INTEGER,
        NUMERIC,
        BOOLEAN,
        TIMESTAMP,
        DATE,
        UUID,
        JSONB,
        REFERENCE
    }

    record Column(
            String name,
            Type type,
            int length,
            int precision,
            int scale,
            boolean nullable,
            String defaultValue,
            boolean unique) {
        Column {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }

        static Column of(String name, Type type) {
            return new Column(name, type, 0, 0, 0, true, null, false);
        }

        Column length(int newLength) {
            return new Column(name, type, newLength, precision, scale, nullable, defaultValue, unique);
        }

        Column numeric(int newPrecision, int newScale) {
            return new Column(name, type, length, newPrecision, newScale, nullable, defaultValue, unique);
        }

        Column nullable(boolean newNullable) {
            return new Column(name, type, length, precision, scale, newNullable, defaultValue, unique);
        }

        Column notNull() {
            return nullable(false);
        }

        Column defaultValue(String expression) {
            return new Column(name, type, length, precision, scale, nullable, expression, unique);
        }

        Column asUnique() {
            return new Column(name, type, length, precision, scale, nullable, defaultValue, true);
        }

        String sqlType() {
            return switch (type) {
                case ID, REFERENCE -> "bigint";
                case VARCHAR -> "varchar(" + length + ")";
                case NUMERIC -> "numeric(" + precision + "," + scale + ")";
                case TIMESTAMP -> "timestamp(6)";
                default -> type.name().toLowerCase(Locale.ROOT);
            };
        }

        /**
         * The MariaDB spelling, as Hibernate's MariaDB dialect maps the entity's field: {@code longtext} for a
         * {@code Length.LONG32} string, {@code datetime(6)} for a {@code LocalDateTime}, the native {@code uuid}
         * (10.7+), and {@code json}, which MariaDB stores as {@code longtext} with a {@code json_valid} check.
         */
        String mariaDbType() {
            return mariaDbType(false);
        }

        /** The same on MySQL ({@code mySql}), where Hibernate's MySQL dialect maps a {@code UUID} to {@code binary(16)}. */
        String mariaDbType(boolean mySql) {
            return switch (type) {
                case ID, REFERENCE -> "bigint";
                case VARCHAR -> "varchar(" + length + ")";
                case TEXT -> "longtext";
                case INTEGER -> "int";
                case NUMERIC -> "decimal(" + precision + "," + scale + ")";
                case BOOLEAN -> "bit";
                case TIMESTAMP -> "datetime(6)";
                case DATE -> "date";
                case UUID -> mySql ? "binary(16)" : "uuid";
                case JSONB -> "json";
            };
        }
    }

    /** An index; a key may end in {@code DESC}; {@code where} makes it partial (SQL only: JPA cannot declare one). */
    record Index(String name, List<String> keys, String where) {
        Index {
            keys = List.copyOf(keys);
        }
    }

    record Unique(String name, List<String> columns) {
        Unique {
            columns = List.copyOf(columns);
        }
    }

    record ForeignKey(String name, String column, String target, boolean cascade) {}

    record Table(String name, List<Column> columns, List<Index> indexes, List<Unique> uniques, ForeignKey foreignKey) {
        Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            uniques = List.copyOf(uniques);
        }

        /** A table of these columns, without indexes, unique constraints or a foreign key. */
        static Table of(String name, List<Column> columns) {
            return new Table(name, columns, List.of(), List.of(), null);
        }

        Table withColumn(Column column) {
            List<Column> more = new ArrayList<>(columns);
            more.add(column);
            return new Table(name, more, indexes, uniques, foreignKey);
        }

        Table withColumn(String columnName, UnaryOperator<Column> change) {
            if (columns.stream().noneMatch(c -> c.name().equals(columnName)))
                throw new IllegalArgumentException("no column " + columnName);
            List<Column> changed = columns.stream()
                    .map(c -> c.name().equals(columnName) ? change.apply(c) : c)
                    .toList();
            return new Table(name, changed, indexes, uniques, foreignKey);
        }

        Table withIndex(Index index) {
            List<Index> more = new ArrayList<>(indexes);
            more.add(index);
            return new Table(name, columns, more, uniques, foreignKey);
        }

        Table withIndexes(List<Index> newIndexes) {
            return new Table(name, columns, newIndexes, uniques, foreignKey);
        }

        Table withUniques(List<Unique> newUniques) {
            return new Table(name, columns, indexes, newUniques, foreignKey);
        }

        Table withForeignKey(ForeignKey key) {
            return new Table(name, columns, indexes, uniques, key);
        }

        /** The number of indexes PostgreSQL creates: the declared ones and those of the primary key and unique constraints. */
        int indexCount() {
            return 1
                    + indexes.size()
                    + uniques.size()
                    + (int) columns.stream().filter(Column::unique).count();
        }
    }

    /** The base schema at {@code n} tables: table i refers to table i / 2 (the first to itself). */
    static Model generate(int n) {
        if (n < 10) throw new IllegalArgumentException("at least 10 tables, not " + n);
        List<Table> tables = new ArrayList<>();
        for (int i = 1; i <= n; i++) tables.add(table(i, tableName(n, i), tableName(n, Math.max(1, i / 2))));
        return new Model(tables);
    }

    private static String tableName(int n, int i) {
        return String.format("t%0" + Math.max(4, String.valueOf(n).length()) + "d", i);
    }

    private static Table table(int i, String name, String parent) {
        List<Column> columns = List.of(
                Column.of("id", Type.ID).notNull(),
                Column.of("code", Type.VARCHAR).length(40).notNull().asUnique(),
                Column.of("name", Type.VARCHAR).length(100 + 50 * (i % 4)).notNull(),
                Column.of("description", Type.TEXT),
                Column.of("quantity", Type.INTEGER).notNull().defaultValue("0"),
                Column.of("price", Type.NUMERIC).numeric(10 + i % 6, 2),
                Column.of("active", Type.BOOLEAN).notNull().defaultValue("true"),
                Column.of("created_at", Type.TIMESTAMP).notNull().defaultValue("now()"),
                Column.of("due_on", Type.DATE),
                Column.of("external_id", Type.UUID),
                Column.of("attributes", Type.JSONB),
                Column.of("status", Type.VARCHAR).length(20).defaultValue("'new'"),
                Column.of("parent_id", Type.REFERENCE));
        List<Index> indexes = List.of(
                new Index(name + "_parent_idx", List.of("parent_id"), null),
                new Index(name + "_status_created_idx", List.of("status", "created_at DESC"), null));
        List<Unique> uniques =
                i % 2 == 0 ? List.of(new Unique(name + "_name_due_key", List.of("name", "due_on"))) : List.of();
        return Table.of(name, columns)
                .withIndexes(indexes)
                .withUniques(uniques)
                .withForeignKey(new ForeignKey(name + "_parent_fk", "parent_id", parent, i % 3 == 0));
    }

    Table table(String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    Model withTable(Table table) {
        List<Table> more = new ArrayList<>(tables);
        more.add(table);
        return new Model(more);
    }

    Model withTable(String name, UnaryOperator<Table> change) {
        table(name);
        return new Model(tables.stream()
                .map(t -> t.name().equals(name) ? change.apply(t) : t)
                .toList());
    }

    /**
     * The same model with its defaults in MariaDB's spelling, for both the database and the entities'
     * {@code @ColumnDefault}: {@code now()} becomes {@code current_timestamp(6)}, the precision of the
     * {@code datetime(6)} it fills (MariaDB refuses a default less precise than its column).
     */
    Model forMariaDb() {
        return new Model(tables.stream()
                .map(t -> new Table(
                        t.name(),
                        t.columns().stream()
                                .map(c -> "now()".equals(c.defaultValue()) ? c.defaultValue("current_timestamp(6)") : c)
                                .toList(),
                        t.indexes(),
                        t.uniques(),
                        t.foreignKey()))
                .toList());
    }

    int columnCount() {
        return tables.stream().mapToInt(t -> t.columns().size()).sum();
    }

    int indexCount() {
        return tables.stream().mapToInt(Table::indexCount).sum();
    }

    int foreignKeyCount() {
        return (int) tables.stream().filter(t -> t.foreignKey() != null).count();
    }
}
