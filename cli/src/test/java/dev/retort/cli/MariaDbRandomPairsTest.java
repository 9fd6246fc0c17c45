package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.autogenerate.OpText;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.mariadb.MariaDbCatalog;
import dev.retort.mariadb.MariaDbDiff;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.mariadb.MySqlExistence;
import dev.retort.op.Op;
import dev.retort.schema.TableFilter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seeded random round of MariaDB schema pairs: a random schema A, a copy B changed by random
 * mutations, each mutation with the operation line it must produce, written down before the two are
 * created and read; A and B each compared with themselves find nothing. Then the round trip: A's database
 * run through the rendered upgrade ({@link MariaDbDiff#upgradeSql}) reads back as B, and through the
 * rendered downgrade back as A; a failure prints the seed and the statements. Columns are also {@code INVISIBLE}
 * (nullable ones: MariaDB wants a default for a NOT NULL one) or {@code COMPRESSED} (strings not indexed), which
 * every other change of the column must keep. {@code -Dretort.seed=N} replays
 * a round, {@code -Dretort.pairs=N} sets its size.
 */
class MariaDbRandomPairsTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** Whether the server is MySQL's ({@link MySqlRandomPairsTest}): its json is a type, it has no COMPRESSED. */
    final boolean mysql = onMySql();

    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase(2);
    }

    boolean onMySql() {
        return false;
    }

    /** A MariaDB spelling and the type the model reads it as. */
    private record Type(String spelling, String normalised) {}

    private static final List<Type> TYPES = List.of(
            new Type("int(11)", "integer"),
            new Type("bigint", "bigint"),
            new Type("varchar(20)", "varchar(20)"),
            new Type("varchar(40)", "varchar(40)"),
            new Type("text", "text"),
            new Type("decimal(10,2)", "numeric(10,2)"),
            new Type("datetime", "datetime(0)"),
            new Type("tinyint(1)", "boolean"),
            new Type("int unsigned", "int unsigned"),
            new Type("enum('a','B')", "enum('a','B')"),
            new Type("double", "double precision"),
            new Type("date", "date"),
            new Type("json", "longtext"));

    /** The types drawn: MySQL's json is a type of its own. */
    private List<Type> types() {
        if (!mysql) return TYPES;
        return TYPES.stream().map(t -> json(t) ? new Type("json", "json") : t).toList();
    }

    /**
     * A json column: MariaDB's {@code longtext COLLATE utf8mb4_bin} with the column's own {@code json_valid} check,
     * which the diff lists apart and a change of the column must keep.
     */
    private static boolean json(Type type) {
        return type.spelling().equals("json");
    }

    /** The type and collation as the diff describes a change between them. */
    private String typeChange(Type from, Type to) {
        String change = "type " + from.normalised() + " -> " + to.normalised();
        if (!mysql && json(from) != json(to))
            change += ", collation " + (json(from) ? "utf8mb4_bin" : "default") + " -> "
                    + (json(to) ? "utf8mb4_bin" : "default");
        return change;
    }

    /** Whether a column of the type has MariaDB's json_valid check of its own (MySQL's json has none). */
    private boolean validityCheck(Type type) {
        return !mysql && json(type);
    }

    private static String validity(TableSpec table, ColumnSpec column, String verb) {
        return verb + " check " + table.name() + " json_valid(`" + column.name() + "`)";
    }

    /** Two defaults of each type, each written as MariaDB prints it back. */
    private static final Map<String, List<String>> DEFAULTS = Map.ofEntries(
            Map.entry("int(11)", List.of("7", "-1")),
            Map.entry("bigint", List.of("0", "9000000000")),
            Map.entry("varchar(20)", List.of("'x'", "'y z'")),
            Map.entry("varchar(40)", List.of("'a'", "'NULL'")),
            Map.entry("text", List.of("'t'", "'u'")),
            Map.entry("decimal(10,2)", List.of("1.50", "0.00")),
            Map.entry("datetime", List.of("current_timestamp()", "'2020-01-02 03:04:05'")),
            Map.entry("tinyint(1)", List.of("1", "0")),
            Map.entry("int unsigned", List.of("3", "0")),
            Map.entry("enum('a','B')", List.of("'B'", "'a'")),
            Map.entry("double", List.of("1.5", "-2")),
            Map.entry("date", List.of("'2020-01-02'", "'1999-12-31'")),
            Map.entry("json", List.of()));

    /** The types MariaDB stores {@code COMPRESSED}. */
    private static final Set<String> COMPRESSIBLE = Set.of("varchar(20)", "varchar(40)", "text");

    /** Whether the server stores the type COMPRESSED: MariaDB's strings; nothing on MySQL. */
    private boolean compressible(Type type) {
        return !mysql && COMPRESSIBLE.contains(type.spelling());
    }

    /**
     * Two defaults of the type as the server prints them back (MySQL's {@code CURRENT_TIMESTAMP} read as MariaDB's
     * {@code current_timestamp()}); MySQL takes no literal default for {@code text}.
     */
    private List<String> defaults(Type type) {
        List<String> defaults = DEFAULTS.get(type.spelling());
        return mysql && type.spelling().equals("text") ? List.of() : defaults;
    }

    private record ColumnSpec(
            String name,
            Type type,
            boolean notNull,
            String comment,
            boolean invisible,
            boolean compressed,
            String defaultValue) {
        /** The column with another type (and none of its defaults), nullability or comment; the rest kept. */
        ColumnSpec with(Type newType, boolean newNotNull, String newComment) {
            return new ColumnSpec(
                    name,
                    newType,
                    newNotNull,
                    newComment,
                    invisible,
                    compressed && COMPRESSIBLE.contains(newType.spelling()),
                    newType.equals(type) ? defaultValue : null);
        }

        ColumnSpec withDefault(String newDefault) {
            return new ColumnSpec(name, type, notNull, comment, invisible, compressed, newDefault);
        }

        ColumnSpec withInvisible(boolean newInvisible) {
            return new ColumnSpec(name, type, notNull, comment, newInvisible, compressed, defaultValue);
        }

        ColumnSpec withCompressed(boolean newCompressed) {
            return new ColumnSpec(name, type, notNull, comment, invisible, newCompressed, defaultValue);
        }

        String ddl() {
            return "`" + name + "` " + type.spelling() + (compressed ? " COMPRESSED" : "")
                    + (notNull ? " NOT NULL" : " NULL") + (defaultValue == null ? "" : " DEFAULT " + defaultValue)
                    + (invisible ? " INVISIBLE" : "")
                    + (comment == null
                            ? ""
                            : " COMMENT '" + comment.replace("\\", "\\\\").replace("'", "''") + "'");
        }

        String described(boolean mysql) {
            return type.normalised()
                    + (!mysql && json(type) ? " collate utf8mb4_bin" : "")
                    + (defaultValue == null ? "" : " default " + defaultValue)
                    + (notNull ? " NOT NULL" : "");
        }
    }

    /** The foreign keys' actions, as the diff describes them: none (MariaDB's RESTRICT), and two others. */
    private static final List<String> ACTIONS = List.of("", " on delete cascade", " on delete set null");

    /**
     * A table; {@code ref}: it has a nullable column {@code ref} with an index, and {@code action} (null for none) the
     * foreign key of {@code ref} to the parent table {@code p}, which every schema has and no mutation touches.
     */
    private record TableSpec(String name, List<ColumnSpec> columns, List<String> indexed, boolean ref, String action) {
        TableSpec withColumns(List<ColumnSpec> newColumns) {
            return new TableSpec(name, newColumns, indexed, ref, action);
        }

        String ddl() {
            List<String> parts = new ArrayList<>();
            parts.add("`id` bigint NOT NULL PRIMARY KEY");
            for (ColumnSpec column : columns) parts.add(column.ddl());
            for (String column : indexed) parts.add("KEY `" + name + "_" + column + "_ix` (`" + column + "`)");
            if (ref) {
                parts.add("`ref` bigint NULL");
                parts.add("KEY `" + name + "_ref_ix` (`ref`)");
            }
            if (action != null)
                parts.add("CONSTRAINT `" + name + "_ref_fk` FOREIGN KEY (`ref`) REFERENCES `p` (`id`)"
                        + action.toUpperCase(Locale.ROOT));
            return "CREATE TABLE `" + name + "` (" + String.join(", ", parts) + ")";
        }

        /** The lines of its index and key when the table is added or dropped ({@code verb}). */
        void keys(String verb, List<String> expected) {
            for (String column : indexed) expected.add(verb + " index " + name + " (" + column + ")");
            if (ref) expected.add(verb + " index " + name + " (ref)");
            if (action != null) expected.add(foreignKey(verb, action));
        }

        String foreignKey(String verb, String keyAction) {
            return verb + " foreign key " + name + " (ref) -> p (id)" + keyAction;
        }
    }

    @Test
    void randomPairsListExactlyTheirMutations() throws Exception {
        long seed = Long.getLong("retort.seed", System.nanoTime());
        int pairs = Integer.getInteger("retort.pairs", 200);
        Random random = new Random(seed);
        for (int pair = 0; pair < pairs; pair++) {
            List<TableSpec> a = schema(random);
            List<String> expected = new ArrayList<>();
            List<TableSpec> b = mutate(random, a, expected);
            create(0, a);
            create(1, b);
            String context = "seed " + seed + ", pair " + pair + ":\nA: " + a + "\nB: " + b;
            MariaDbCatalog catalogA = read(0);
            MariaDbCatalog catalogB = read(1);
            assertEquals(List.of(), lines(MariaDbDiff.of(catalogA, catalogA, TableFilter.ALL, Set.of())), context);
            assertEquals(List.of(), lines(MariaDbDiff.of(catalogB, catalogB, TableFilter.ALL, Set.of())), context);
            expected.sort(null);
            MariaDbDiff diff = MariaDbDiff.of(catalogA, catalogB, TableFilter.ALL, Set.of());
            assertEquals(expected, lines(diff), context);
            // up: A's database run through the rendered plan reads back as B; down: the reverse plan, back to A
            List<String> up = diff.upgradeSql();
            run(0, up, context);
            MariaDbCatalog upgraded = read(0);
            assertEquals(
                    List.of(),
                    lines(MariaDbDiff.of(upgraded, catalogB, TableFilter.ALL, Set.of())),
                    context + "\nup: " + up);
            List<String> down = diff.downgradeSql();
            run(0, down, context);
            assertEquals(
                    List.of(),
                    lines(MariaDbDiff.of(read(0), catalogA, TableFilter.ALL, Set.of())),
                    context + "\nup: " + up + "\ndown: " + down);
        }
        assertTrue(pairs > 0);
    }

    private List<TableSpec> schema(Random random) {
        List<TableSpec> tables = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int t = 0; t < count; t++) tables.add(table(random, "t" + t));
        return tables;
    }

    private TableSpec table(Random random, String name) {
        List<ColumnSpec> columns = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int c = 0; c < count; c++) columns.add(column(random, "c" + c, c > 0));
        List<String> indexed = new ArrayList<>();
        // MySQL indexes no json column, and a text column only by a prefix
        boolean indexable = !mysql
                || !List.of("json", "text").contains(columns.get(0).type().spelling());
        if (random.nextBoolean() && indexable) indexed.add(columns.get(0).name());
        boolean ref = random.nextInt(3) == 0;
        String action = ref && random.nextBoolean() ? ACTIONS.get(random.nextInt(ACTIONS.size())) : null;
        return new TableSpec(name, columns, indexed, ref, action);
    }

    /** A random column: invisible now and then when nullable, compressed now and then when it may be. */
    private ColumnSpec column(Random random, String name, boolean mayCompress) {
        List<Type> types = types();
        Type type = types.get(random.nextInt(types.size()));
        boolean notNull = random.nextBoolean();
        boolean invisible = !notNull && random.nextInt(4) == 0;
        boolean compressed = mayCompress && compressible(type) && random.nextInt(3) == 0;
        List<String> defaults = defaults(type);
        String defaultValue =
                !defaults.isEmpty() && random.nextInt(3) == 0 ? defaults.get(random.nextInt(defaults.size())) : null;
        return new ColumnSpec(name, type, notNull, null, invisible, compressed, defaultValue);
    }

    /** A json column changed otherwise: its check dropped before and added again after (a MODIFY would lose it). */
    private void keptValidity(TableSpec table, ColumnSpec column, List<String> expected) {
        if (!validityCheck(column.type())) return;
        expected.add(validity(table, column, "drop"));
        expected.add(validity(table, column, "add"));
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String where(TableSpec table, ColumnSpec column) {
        return "alter column " + table.name() + "." + column.name() + ": ";
    }

    /** B: A with one to three mutations, each adding the line the diff must list for it. */
    private List<TableSpec> mutate(Random random, List<TableSpec> a, List<String> expected) {
        List<TableSpec> b = new ArrayList<>(a);
        int mutations = 1 + random.nextInt(3);
        Set<String> touched = new java.util.HashSet<>();
        for (int m = 0; m < mutations; m++) {
            int kind = random.nextInt(11);
            if (kind == 0) {
                String name = "n" + m;
                TableSpec added = table(random, name);
                b.add(added);
                expected.add("add table " + name);
                added.keys("add", expected);
                continue;
            }
            if (b.isEmpty()) continue;
            int index = random.nextInt(b.size());
            TableSpec table = b.get(index);
            if (table.name().startsWith("n") || !touched.add(table.name())) continue;
            if (kind == 10) {
                // a foreign key added, dropped, or given another action (dropped and added again)
                if (!table.ref()) continue;
                List<String> choices = new ArrayList<>(ACTIONS);
                choices.add(null);
                choices.remove(table.action());
                String action = choices.get(random.nextInt(choices.size()));
                if (table.action() != null) expected.add(table.foreignKey("drop", table.action()));
                if (action != null) expected.add(table.foreignKey("add", action));
                b.set(index, new TableSpec(table.name(), table.columns(), table.indexed(), true, action));
                continue;
            }
            List<ColumnSpec> columns = new ArrayList<>(table.columns());
            ColumnSpec target = columns.get(random.nextInt(columns.size()));
            boolean indexedColumn = table.indexed().contains(target.name());
            switch (kind) {
                case 1 -> {
                    b.remove(index);
                    expected.add("drop table " + table.name());
                    table.keys("drop", expected);
                    continue;
                }
                case 2 -> {
                    ColumnSpec added = column(random, "x" + m, true);
                    columns.add(added);
                    expected.add("add column " + table.name() + "." + added.name() + " " + added.described(mysql));
                    if (validityCheck(added.type())) expected.add(validity(table, added, "add"));
                }
                case 3 -> {
                    if (indexedColumn || columns.size() == 1) continue;
                    columns.remove(target);
                    expected.add("drop column " + table.name() + "." + target.name());
                    if (validityCheck(target.type())) expected.add(validity(table, target, "drop"));
                }
                case 4 -> {
                    List<Type> types = types();
                    Type other = types.get(random.nextInt(types.size()));
                    if (other.normalised().equals(target.type().normalised()) || indexedColumn) continue;
                    if ((json(other) || json(target.type())) && target.defaultValue() != null) continue;
                    ColumnSpec changed = target.with(other, target.notNull(), null);
                    columns.set(columns.indexOf(target), changed);
                    if (validityCheck(target.type())) expected.add(validity(table, target, "drop"));
                    if (validityCheck(other)) expected.add(validity(table, target, "add"));
                    expected.add("alter column " + table.name() + "." + target.name() + ": "
                            + typeChange(target.type(), other)
                            + (target.defaultValue() == null ? "" : ", default " + target.defaultValue() + " -> none"));
                    if (target.compressed() && !changed.compressed())
                        expected.add(where(table, target) + "compressed -> not compressed");
                }
                case 5 -> {
                    if (target.invisible()) continue;
                    columns.set(columns.indexOf(target), target.with(target.type(), !target.notNull(), null));
                    expected.add("alter column " + table.name() + "." + target.name() + ": "
                            + (target.notNull() ? "NOT NULL -> nullable" : "nullable -> NOT NULL"));
                    keptValidity(table, target, expected);
                }
                case 7 -> {
                    if (target.notNull()) continue;
                    columns.set(columns.indexOf(target), target.withInvisible(!target.invisible()));
                    expected.add(where(table, target)
                            + (target.invisible() ? "invisible -> visible" : "visible -> invisible"));
                }
                case 8 -> {
                    if (indexedColumn || !compressible(target.type())) continue;
                    columns.set(columns.indexOf(target), target.withCompressed(!target.compressed()));
                    expected.add(where(table, target)
                            + (target.compressed() ? "compressed -> not compressed" : "not compressed -> compressed"));
                }
                case 9 -> {
                    List<String> defaults = defaults(target.type());
                    if (defaults.isEmpty()) continue;
                    String other = random.nextBoolean() ? null : defaults.get(random.nextInt(defaults.size()));
                    if (Objects.equals(other, target.defaultValue())) continue;
                    columns.set(columns.indexOf(target), target.withDefault(other));
                    expected.add(
                            where(table, target) + "default " + orNone(target.defaultValue()) + " -> " + orNone(other));
                }
                default -> {
                    columns.set(
                            columns.indexOf(target),
                            target.with(target.type(), target.notNull(), "it's note " + m + " \\"));
                    expected.add("alter column " + table.name() + "." + target.name() + ": comment none -> 'it's note "
                            + m + " \\'");
                    keptValidity(table, target, expected);
                }
            }
            b.set(index, table.withColumns(columns));
        }
        return b;
    }

    private void create(int database, List<TableSpec> tables) throws Exception {
        try (Connection c = db.connect(database);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE `" + db.name(database) + "`");
            st.execute("CREATE DATABASE `" + db.name(database) + "`");
            st.execute("USE `" + db.name(database) + "`");
            st.execute("CREATE TABLE `p` (`id` bigint NOT NULL PRIMARY KEY)");
            for (TableSpec table : tables) st.execute(table.ddl());
        }
    }

    private void run(int database, List<String> statements, String context) throws Exception {
        try (Connection c = db.connect(database);
                Statement st = c.createStatement()) {
            for (String statement : statements) {
                try {
                    // on MySQL as the runner runs it: its ALTER TABLE has no IF EXISTS
                    st.execute(mysql ? MySqlExistence.resolve(c, statement) : statement);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(context + "\nfailed: " + statement + "\n" + e.getMessage(), e);
                }
            }
        }
    }

    private MariaDbCatalog read(int database) throws Exception {
        try (Connection c = db.connect(database)) {
            return MariaDbIntrospector.read(c);
        }
    }

    private static List<String> lines(MariaDbDiff diff) {
        List<String> lines = new ArrayList<>();
        for (Op op : diff.plan().upgrade()) lines.add(OpText.describe(op));
        lines.addAll(diff.details());
        lines.sort(null);
        return lines;
    }
}
