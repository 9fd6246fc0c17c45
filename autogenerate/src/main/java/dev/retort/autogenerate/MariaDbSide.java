package dev.retort.autogenerate;

import dev.retort.mariadb.MariaDbCanonicalizer;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The pipeline's two sides on MariaDB: the catalog read by {@link MariaDbIntrospector} (its {@code TableDetails},
 * engine and character set, are not compared: entities declare none), the model's expressions printed by {@link
 * MariaDbCanonicalizer}, and the indexes MariaDB makes for foreign keys left out of the comparison.
 */
final class MariaDbSide {
    private MariaDbSide() {}

    static Schema read(Connection connection, BiFunction<Schema, ObjectFilter.Side, Schema> filter) {
        return filter.apply(MariaDbIntrospector.read(connection).schema(), ObjectFilter.Side.DATABASE);
    }

    /** The model with its expressions as MariaDB prints them, and the primary keys unnamed: MariaDB names each {@code PRIMARY}. */
    static Schema canonicalize(Connection connection, Schema model) {
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables())
            tables.add(
                    table.primaryKey() == null
                            ? table
                            : table.withPrimaryKey(table.primaryKey().named(null)));
        return MariaDbCanonicalizer.canonicalize(connection, model.with(tables, model.sequences(), model.enums()));
    }

    /**
     * The database without the index InnoDB creates for a foreign key whose columns no index starts with: plain, on
     * the key's columns in order, named after the key, or, when the key was declared without a name (MariaDB then
     * names it {@code TABLE_ibfk_N}), after its first column ({@code COLUMN}, or {@code COLUMN_2} when that is taken);
     * and, whatever its name, one plain index on exactly the columns of each of the model's foreign keys that none of
     * the model's indexes, unique keys or primary key starts with, as InnoDB gives the model's table that index too
     * (a migration that indexed its key columns by name). One the model declares itself (an index of the same
     * columns) stays, to be compared.
     */
    static Schema withoutImplicitIndexes(Schema database, Schema model) {
        Map<Object, Table> modelled = new HashMap<>();
        for (Table table : model.tables()) modelled.put(table.name(), table);
        List<Table> tables = new ArrayList<>();
        for (Table table : database.tables()) {
            Table declared = modelled.get(table.name());
            Set<Object> declaredShapes = declared == null
                    ? Set.of()
                    : declared.indexes().stream().map(Index::unnamed).collect(Collectors.toSet());
            List<List<String>> needed = declared == null ? new ArrayList<>() : keysWithoutAnIndex(declared);
            List<Index> remaining = new ArrayList<>();
            for (Index index : table.indexes()) {
                if (declaredShapes.contains(index.unnamed())) remaining.add(index);
                else if (implicit(index, table.foreignKeys())) needed.remove(plainColumns(index));
                else remaining.add(index);
            }
            List<Index> indexes = new ArrayList<>();
            for (Index index : remaining)
                if (declaredShapes.contains(index.unnamed()) || !needed.remove(plainColumns(index))) indexes.add(index);
            tables.add(indexes.size() == table.indexes().size() ? table : table.withIndexes(indexes));
        }
        return database.with(tables, database.sequences(), database.enums());
    }

    /** The column lists of the table's foreign keys that no index, unique key or primary key of its starts with. */
    private static List<List<String>> keysWithoutAnIndex(Table table) {
        List<List<String>> indexed = new ArrayList<>();
        if (table.primaryKey() != null) indexed.add(table.primaryKey().columns());
        for (UniqueConstraint unique : table.uniques()) indexed.add(unique.columns());
        for (Index index : table.indexes())
            indexed.add(index.keys().stream().map(Index.Key::column).toList());
        List<List<String>> needed = new ArrayList<>();
        for (ForeignKey key : table.foreignKeys()) {
            boolean served = indexed.stream()
                    .anyMatch(columns -> columns.size() >= key.columns().size()
                            && columns.subList(0, key.columns().size()).equals(key.columns()));
            if (!served && !needed.contains(key.columns())) needed.add(key.columns());
        }
        return needed;
    }

    /** A plain index's columns in order, or null for a unique, partial or descending one. */
    private static List<String> plainColumns(Index index) {
        if (index.unique() || index.where() != null || !index.include().isEmpty()) return null;
        if (index.keys().stream().anyMatch(Index.Key::descending)) return null;
        return index.keys().stream().map(Index.Key::column).toList();
    }

    private static boolean implicit(Index index, List<ForeignKey> foreignKeys) {
        if (index.unique()) return false;
        for (ForeignKey key : foreignKeys) {
            if (namedFor(index.name(), key) && onColumns(index, key.columns())) return true;
        }
        return false;
    }

    private static boolean namedFor(String index, ForeignKey key) {
        if (index == null) return false;
        if (index.equals(key.name())) return true;
        String column = key.columns().get(0);
        return index.equals(column)
                || (index.startsWith(column + "_")
                        && index.substring(column.length() + 1).matches("[0-9]+"));
    }

    private static boolean onColumns(Index index, List<String> columns) {
        List<Index.Key> keys = index.keys();
        if (keys.size() != columns.size()) return false;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).descending() || !columns.get(i).equals(keys.get(i).column())) return false;
        }
        return true;
    }
}
