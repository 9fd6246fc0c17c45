package dev.retort.mariadb;

import static java.util.Objects.requireNonNull;

import dev.retort.op.AddForeignKey;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The foreign keys of a MariaDB schema as a migration's operations leave them, followed one operation at a time from
 * the keys there at the start (a live database's, or none), and the names its columns had at the start. MariaDB
 * refuses a type or collation change ({@link RetypedForeignKeys#refusedUnderAKey}) of a column a key uses at that
 * point (errors 1832, 1833); it keeps a column-level check's name, its column's, through {@code RENAME COLUMN}.
 *
 * <p>{@link #apply} follows keys added and dropped, tables created (with their keys), dropped and renamed, and columns
 * dropped and renamed; the other operations leave keys as they are. Keys are kept in the order they were seeded and
 * added, and {@link #keyUsing} answers the first.
 */
public final class ForeignKeyTracker {
    /** How a table an operation names is matched to a key's. */
    public enum TableMatch {
        /** By name alone, whatever schema either names. */
        NAME,
        /** By name, and by schema where both name one: a schema left out stands for the default one. */
        NAME_AND_SCHEMA;

        boolean same(QualifiedName a, QualifiedName b) {
            return a.name().equals(b.name())
                    && (this == NAME
                            || a.schema() == null
                            || b.schema() == null
                            || a.schema().equals(b.schema()));
        }
    }

    /**
     * A foreign key as the operations so far leave it: its name (null when it was given none), its table and columns,
     * and the table and columns it references (a null table: one in another database, no end here).
     */
    public record TrackedKey(
            String name,
            QualifiedName table,
            List<String> columns,
            QualifiedName referenced,
            List<String> referencedColumns) {
        public TrackedKey {
            requireNonNull(table, "table");
            columns = List.copyOf(requireNonNull(columns, "columns"));
            referencedColumns = List.copyOf(requireNonNull(referencedColumns, "referencedColumns"));
        }

        static TrackedKey of(QualifiedName table, ForeignKey key) {
            return new TrackedKey(key.name(), table, key.columns(), key.referencedTable(), key.referencedColumns());
        }

        /** Whether the column is one of the key's own, at its referencing end (names in any case). */
        public boolean hasColumn(String column) {
            return contains(columns, column);
        }
    }

    /** A table's renamed columns: each one's name now, in lower case, to its name at the start. */
    private record Renames(QualifiedName table, Map<String, String> atStart) {}

    private final TableMatch match;
    private final List<TrackedKey> keys;
    private final List<Renames> renames = new ArrayList<>();

    /** A tracker of the keys there are at the start, matching tables as {@code match} says. */
    public ForeignKeyTracker(TableMatch match, List<TrackedKey> keys) {
        this.match = requireNonNull(match, "match");
        this.keys = new ArrayList<>(keys);
    }

    /** Follows one operation. */
    public void apply(Op op) {
        if (op instanceof AddForeignKey a) {
            keys.add(TrackedKey.of(a.table(), a.key()));
        } else if (op instanceof DropForeignKey d) {
            dropForeignKey(d);
        } else if (op instanceof CreateTable c) {
            for (ForeignKey key : c.definition().foreignKeys()) keys.add(TrackedKey.of(c.table(), key));
        } else if (op instanceof DropTable d) {
            dropTable(d.table());
        } else if (op instanceof DropColumn d) {
            dropColumn(d);
        } else if (op instanceof RenameColumn r) {
            renameColumn(r.table(), r.from(), r.to());
        } else if (op instanceof RenameTable r) {
            renameTable(r.table(), r.to());
        }
    }

    /** The first key that uses the column of the table at either end now, or null when none does. */
    public TrackedKey keyUsing(QualifiedName table, String column) {
        return keys.stream().filter(k -> uses(k, table, column)).findFirst().orElse(null);
    }

    /** Whether the key is on the table (its referencing end). */
    public boolean on(TrackedKey key, QualifiedName table) {
        return match.same(key.table(), table);
    }

    /** Whether the key uses the column of the table, at either end. */
    public boolean uses(TrackedKey key, QualifiedName table, String column) {
        return (on(key, table) && key.hasColumn(column))
                || (key.referenced() != null
                        && match.same(key.referenced(), table)
                        && contains(key.referencedColumns(), column));
    }

    /** The name the column of the table (as named now) had at the start: its own unless an operation renamed it. */
    public String columnAtStart(QualifiedName table, String column) {
        Map<String, String> atStart = renamedOn(table);
        return atStart == null ? column : atStart.getOrDefault(lower(column), column);
    }

    /** The key of that name on the table dropped (names in any case), as {@code DROP FOREIGN KEY} drops it. */
    public void dropForeignKey(QualifiedName table, String name) {
        keys.removeIf(k -> on(k, table) && k.name() != null && k.name().equalsIgnoreCase(name));
    }

    /** The table dropped: its keys go (keys that reference it stay). */
    public void dropTable(QualifiedName table) {
        keys.removeIf(k -> on(k, table));
        renames.removeIf(r -> match.same(r.table(), table));
    }

    /** A column of the table renamed: the keys follow it at both ends. */
    public void renameColumn(QualifiedName table, String from, String to) {
        keys.replaceAll(k -> new TrackedKey(
                k.name(),
                k.table(),
                on(k, table) ? renamed(k.columns(), from, to) : k.columns(),
                k.referenced(),
                k.referenced() != null && match.same(k.referenced(), table)
                        ? renamed(k.referencedColumns(), from, to)
                        : k.referencedColumns()));
        Map<String, String> atStart = renamedOn(table);
        if (atStart == null) {
            atStart = new HashMap<>();
            renames.add(new Renames(table, atStart));
        }
        String start = atStart.remove(lower(from));
        atStart.put(lower(to), start == null ? from : start);
    }

    /** The table renamed (within its schema): the keys follow it at both ends. */
    public void renameTable(QualifiedName table, String to) {
        keys.replaceAll(k -> new TrackedKey(
                k.name(),
                on(k, table) ? new QualifiedName(k.table().schema(), to) : k.table(),
                k.columns(),
                k.referenced() != null && match.same(k.referenced(), table)
                        ? new QualifiedName(k.referenced().schema(), to)
                        : k.referenced(),
                k.referencedColumns()));
        renames.replaceAll(r -> match.same(r.table(), table)
                ? new Renames(new QualifiedName(r.table().schema(), to), r.atStart())
                : r);
    }

    /** Every key forgotten: what came after is not known (hand-written SQL that was not read). */
    public void forgetKeys() {
        keys.clear();
    }

    /** A named key by its name; an unnamed one by its table and columns. */
    private void dropForeignKey(DropForeignKey drop) {
        ForeignKey key = drop.key();
        if (key.name() != null) dropForeignKey(drop.table(), key.name());
        else keys.removeIf(k -> on(k, drop.table()) && k.columns().equals(key.columns()));
    }

    /** The keys on the table that use the column go; those of other tables that reference it stay. */
    private void dropColumn(DropColumn drop) {
        keys.removeIf(
                k -> on(k, drop.table()) && uses(k, drop.table(), drop.column().name()));
        Map<String, String> atStart = renamedOn(drop.table());
        if (atStart != null) atStart.remove(lower(drop.column().name()));
    }

    private Map<String, String> renamedOn(QualifiedName table) {
        for (Renames r : renames) if (match.same(r.table(), table)) return r.atStart();
        return null;
    }

    private static boolean contains(List<String> columns, String column) {
        return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    private static List<String> renamed(List<String> columns, String from, String to) {
        return columns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
