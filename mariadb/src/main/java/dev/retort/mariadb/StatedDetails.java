package dev.retort.mariadb;

import static java.util.Objects.requireNonNull;

import dev.retort.diff.Plan;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.TableOptions;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan's drops described as the database has what they drop, {@link TableDetails} included, so that the downgrade
 * (each drop reversed) creates it again as it was ({@link #ofDrops}); and a plan that creates a database as it is
 * ({@code baseline}) described so too ({@link #ofCreates}): a dropped table's engine and default character set where they are
 * not the server's defaults ({@link TableOptions}), a dropped column's {@code ON UPDATE}, {@code VIRTUAL}, {@code
 * INVISIBLE} and {@code COMPRESSED} ({@link ColumnOptions}), and a dropped index's or unique key's prefix lengths
 * ({@link Index.Key#prefix}, {@link UniqueConstraint#prefixes}). Without them the table came back InnoDB in the server's character set, a virtual column stored
 * (which MariaDB refuses for one computed from an {@code AUTO_INCREMENT} column), and an index on a {@code text}
 * column without its prefix (error 1170): the downgrade failed or gave back another table.
 *
 * <p>In a plan from the comparison only drops change: the comparison reads none of this (entities state none), and
 * what the plan creates or keeps takes the server's defaults and the live columns' options as before.
 */
public final class StatedDetails {
    private StatedDetails() {}

    /** The server's defaults a created table takes: its storage engine and the database's collation. */
    public record ServerDefaults(String engine, String collation) {
        /** The defaults of the server and database {@code connection} is on. */
        public static ServerDefaults read(Connection connection) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT @@default_storage_engine, @@collation_database")) {
                rs.next();
                return new ServerDefaults(rs.getString(1), rs.getString(2));
            } catch (SQLException e) {
                throw MariaDbCatalogException.failed("reading the server's default engine and collation", e);
            }
        }
    }

    /** The plan with its drops described by {@code details}; itself when none of them has details to write. */
    public static Plan ofDrops(Plan plan, Map<QualifiedName, TableDetails> details, ServerDefaults defaults) {
        return of(plan, details, defaults, true);
    }

    /** The plan, which creates the tables {@code details} describes, with each creation so described. */
    public static Plan ofCreates(Plan plan, Map<QualifiedName, TableDetails> details, ServerDefaults defaults) {
        return of(plan, details, defaults, false);
    }

    private static Plan of(
            Plan plan, Map<QualifiedName, TableDetails> details, ServerDefaults defaults, boolean drops) {
        requireNonNull(defaults, "defaults");
        List<Op> ops = new ArrayList<>(plan.upgrade().size());
        boolean changed = false;
        for (Op op : plan.upgrade()) {
            TableDetails tableDetails = details.get(op.table());
            Op described = tableDetails == null
                    ? op
                    : drops ? droppedAsItWas(op, tableDetails, defaults) : createdAsItIs(op, tableDetails, defaults);
            changed |= described != op;
            ops.add(described);
        }
        return changed ? new Plan(ops) : plan;
    }

    private static Op droppedAsItWas(Op op, TableDetails details, ServerDefaults defaults) {
        if (op instanceof DropTable d) {
            Table described = described(d.definition(), details, defaults);
            return described.equals(d.definition()) ? op : new DropTable(described);
        }
        if (op instanceof DropColumn d) {
            Column described = described(d.column(), details);
            return described.equals(d.column()) ? op : new DropColumn(d.table(), described, d.options());
        }
        if (op instanceof DropIndex d) {
            Index described = described(d.index(), details);
            return described.equals(d.index()) ? op : new DropIndex(d.table(), described, d.options());
        }
        if (op instanceof DropUnique d) {
            UniqueConstraint described = described(d.constraint(), details);
            return described.equals(d.constraint()) ? op : new DropUnique(d.table(), described, d.options());
        }
        return op;
    }

    private static Op createdAsItIs(Op op, TableDetails details, ServerDefaults defaults) {
        if (op instanceof CreateTable c) {
            Table described = described(c.definition(), details, defaults);
            return described.equals(c.definition()) ? op : new CreateTable(described);
        }
        if (op instanceof CreateIndex c) {
            Index described = described(c.index(), details);
            return described.equals(c.index()) ? op : new CreateIndex(c.table(), described, c.options());
        }
        return op;
    }

    private static Table described(Table table, TableDetails details, ServerDefaults defaults) {
        return table.withColumns(
                        table.columns().stream().map(c -> described(c, details)).toList())
                .withIndexes(
                        table.indexes().stream().map(i -> described(i, details)).toList())
                .withUniques(
                        table.uniques().stream().map(u -> described(u, details)).toList())
                .withOptions(options(details, defaults));
    }

    private static UniqueConstraint described(UniqueConstraint unique, TableDetails details) {
        List<Integer> prefixes =
                unique.name() == null ? null : details.prefixes().get(unique.name());
        return prefixes == null ? unique : unique.prefixes(prefixes.toArray(Integer[]::new));
    }

    private static Column described(Column column, TableDetails details) {
        String name = column.name();
        ColumnOptions options = new ColumnOptions(
                column.generated() == null ? details.onUpdate().get(name) : null,
                column.generated() != null && details.virtualColumns().contains(name),
                details.invisibleColumns().contains(name),
                details.compressedColumns().contains(name));
        return options.equals(column.options()) ? column : column.withOptions(options);
    }

    private static Index described(Index index, TableDetails details) {
        List<Integer> prefixes =
                index.name() == null ? null : details.prefixes().get(index.name());
        if (prefixes == null) return index;
        List<Index.Key> keys = new ArrayList<>(index.keys().size());
        for (int i = 0; i < index.keys().size(); i++) {
            Index.Key key = index.keys().get(i);
            Integer prefix = i < prefixes.size() ? prefixes.get(i) : null;
            keys.add(prefix == null || key.isExpression() ? key : key.prefix(prefix));
        }
        return index.withKeys(keys);
    }

    /** The table's engine and character set, each where it is not the server's default. */
    private static TableOptions options(TableDetails details, ServerDefaults defaults) {
        String engine = same(details.engine(), defaults.engine()) ? null : details.engine();
        boolean ownCollation = details.collation() != null && !same(details.collation(), defaults.collation());
        return new TableOptions(
                engine, ownCollation ? details.charset() : null, ownCollation ? details.collation() : null);
    }

    private static boolean same(String a, String b) {
        return a == null || b == null || a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
