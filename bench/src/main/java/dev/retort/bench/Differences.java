package dev.retort.bench;

import dev.retort.bench.Model.Column;
import dev.retort.bench.Model.ForeignKey;
import dev.retort.bench.Model.Index;
import dev.retort.bench.Model.Table;
import dev.retort.bench.Model.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed, known differences between the entities and the database: applied to one base model, they
 * give the database's model, the entities' model, and the lines {@code retort check} must print, one
 * per operation (a changed foreign key is dropped and added, so it has two). {@code retort diff}
 * between the database and one made from the entities' model prints the same, but for a default,
 * which the catalog gives back with its cast where the entity has it as written.
 */
record Differences(Model database, Model entities, List<String> expected, List<String> expectedBetweenDatabases) {
    Differences {
        expected = List.copyOf(expected);
        expectedBetweenDatabases = List.copyOf(expectedBetweenDatabases);
    }

    static Differences apply(Model base) {
        return apply(base, false);
    }

    /**
     * The known differences on PostgreSQL, or on MariaDB ({@code mariaDb}): there the dropped index is a
     * plain one (MariaDB has no partial index) and the changed default has no cast.
     */
    static Differences apply(Model base, boolean mariaDb) {
        Model database = base;
        Model entities = base;
        List<String> expected = new ArrayList<>();

        entities = entities.withTable(smallTable("bench_added"));
        expected.add("add table bench_added");

        database = database.withTable(smallTable("bench_dropped"));
        expected.add("drop table bench_dropped");

        String t = pick(base, 0);
        entities = entities.withTable(
                t, table -> table.withColumn(Column.of("note", Type.VARCHAR).length(100)));
        expected.add("add column " + t + ".note varchar(100)");

        t = pick(base, 1);
        database = database.withTable(t, table -> table.withColumn(Column.of("legacy_flag", Type.BOOLEAN)));
        expected.add("drop column " + t + ".legacy_flag");

        t = pick(base, 2);
        Column name = column(base.table(t), "name");
        entities = entities.withTable(t, table -> table.withColumn("name", c -> c.length(c.length() + 100)));
        expected.add("alter column " + t + ".name: type varchar(" + name.length() + ") -> varchar("
                + (name.length() + 100) + ")");

        t = pick(base, 3);
        entities = entities.withTable(t, table -> table.withColumn("due_on", Column::notNull));
        expected.add("alter column " + t + ".due_on: nullable -> NOT NULL");

        t = pick(base, 4);
        database = database.withTable(t, table -> table.withColumn("status", c -> c.defaultValue("'draft'")));
        String defaultChange =
                "alter column " + t + ".status: default 'draft'" + (mariaDb ? "" : "::character varying") + " -> 'new'";
        expected.add(defaultChange);

        t = pick(base, 5);
        String added = t;
        entities =
                entities.withTable(t, table -> table.withIndex(new Index(added + "_name_idx", List.of("name"), null)));
        expected.add("add index " + t + " (name)");

        t = pick(base, 6);
        String dropped = t;
        database = database.withTable(
                t,
                table -> table.withIndex(
                        new Index(dropped + "_due_active_idx", List.of("due_on"), mariaDb ? null : "active")));
        expected.add("drop index " + t + " (due_on)" + (mariaDb ? "" : " where active"));

        t = pick(base, 7);
        ForeignKey key = base.table(t).foreignKey();
        ForeignKey toggled = new ForeignKey(key.name(), key.column(), key.target(), !key.cascade());
        entities = entities.withTable(t, table -> table.withForeignKey(toggled));
        expected.add("drop foreign key " + foreignKey(t, key));
        expected.add("add foreign key " + foreignKey(t, toggled));

        List<String> betweenDatabases = expected.stream()
                .map(line -> line.equals(defaultChange) ? line + "::character varying" : line)
                .toList();
        return new Differences(database, entities, expected, betweenDatabases);
    }

    /** A table spread through the schema, so no difference sits at its start only. */
    private static String pick(Model base, int i) {
        return base.tables().get(i * base.tables().size() / 10).name();
    }

    private static Column column(Table table, String name) {
        return table.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Table smallTable(String name) {
        return Table.of(
                name,
                List.of(
                        Column.of("id", Type.ID).notNull(),
                        Column.of("label", Type.VARCHAR).length(50)));
    }

    private static String foreignKey(String table, ForeignKey key) {
        return table + " (" + key.column() + ") -> " + key.target() + " (id)"
                + (key.cascade() ? " on delete cascade" : "");
    }
}
