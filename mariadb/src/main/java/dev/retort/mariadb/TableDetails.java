package dev.retort.mariadb;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What MariaDB keeps of a table that the shared schema model has no field for: the storage engine,
 * the default character set and collation, the columns set again on every update ({@code ON UPDATE
 * current_timestamp()}, the expression by column), the generated columns computed when read rather
 * than stored ({@code VIRTUAL}), and the prefix lengths of index and unique keys by index name (one
 * entry per key column, null for a whole column; only indexes with a prefix are listed), the columns left out of
 * {@code SELECT *} ({@code INVISIBLE}), those whose values are stored {@code COMPRESSED}, and the names of the
 * column-level checks (each its column's: only the column's {@code MODIFY} or {@code DROP} drops it).
 */
public record TableDetails(
        String engine,
        String charset,
        String collation,
        Map<String, String> onUpdate,
        Set<String> virtualColumns,
        Map<String, List<Integer>> prefixes,
        Set<String> invisibleColumns,
        Set<String> compressedColumns,
        Set<String> columnChecks) {
    public TableDetails {
        onUpdate = Map.copyOf(new TreeMap<>(requireNonNull(onUpdate, "onUpdate")));
        virtualColumns = Set.copyOf(new TreeSet<>(requireNonNull(virtualColumns, "virtualColumns")));
        prefixes = Map.copyOf(requireNonNull(prefixes, "prefixes"));
        invisibleColumns = Set.copyOf(new TreeSet<>(requireNonNull(invisibleColumns, "invisibleColumns")));
        compressedColumns = Set.copyOf(new TreeSet<>(requireNonNull(compressedColumns, "compressedColumns")));
        columnChecks = Set.copyOf(new TreeSet<>(requireNonNull(columnChecks, "columnChecks")));
    }

    /** Without invisible or compressed columns or column-level checks. */
    public TableDetails(
            String engine,
            String charset,
            String collation,
            Map<String, String> onUpdate,
            Set<String> virtualColumns,
            Map<String, List<Integer>> prefixes) {
        this(engine, charset, collation, onUpdate, virtualColumns, prefixes, Set.of(), Set.of(), Set.of());
    }
}
