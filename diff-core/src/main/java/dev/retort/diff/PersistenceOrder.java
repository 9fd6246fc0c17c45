package dev.retort.diff;

import dev.retort.op.AlterTablePersistence;
import dev.retort.op.Op;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan's table persistence changes in an order PostgreSQL accepts. A permanent table may not
 * reference an unlogged one, so along a foreign key the plan keeps (one both sides have, there while
 * the tables change), the referencing table is made unlogged before the table it references, and
 * the referenced one made logged before the table referencing it; the downgrade, the reversed list,
 * keeps that order. Where no order exists (tables that reference each other, or a table that would
 * stay permanent while the table it references becomes unlogged) the plan is refused, naming both
 * tables ({@link PersistenceOrderException}).
 */
final class PersistenceOrder {
    private PersistenceOrder() {}

    /** The ordered plan, its persistence changes reordered among their own places. */
    static List<Op> order(List<Op> ordered, Schema current, Schema target) {
        Map<QualifiedName, AlterTablePersistence> changes = new LinkedHashMap<>();
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i) instanceof AlterTablePersistence p) {
                changes.put(p.table(), p);
                places.add(i);
            }
        }
        if (changes.isEmpty()) return ordered;
        Map<QualifiedName, Set<QualifiedName>> after = new LinkedHashMap<>();
        changes.keySet().forEach(table -> after.put(table, new LinkedHashSet<>()));
        for (Reference kept : kept(current, target)) {
            QualifiedName referencing = kept.referencing();
            QualifiedName referenced = kept.referenced();
            if (referencing.equals(referenced)) continue;
            AlterTablePersistence from = changes.get(referencing);
            AlterTablePersistence to = changes.get(referenced);
            if (to != null && to.unlogged()) {
                if (from != null && from.unlogged()) after.get(referenced).add(referencing);
                else if (from == null && !unlogged(current, referencing))
                    throw new PersistenceOrderException(
                            referencing,
                            referenced,
                            ", and the plan makes " + referenced + " unlogged while " + referencing + " stays logged");
            }
            if (from != null && !from.unlogged()) {
                if (to != null && !to.unlogged()) after.get(referencing).add(referenced);
                else if (to == null && unlogged(current, referenced))
                    throw new PersistenceOrderException(
                            referencing,
                            referenced,
                            ", and the plan makes " + referencing + " logged while " + referenced + " stays unlogged");
            }
        }
        List<Op> result = new ArrayList<>(ordered);
        List<QualifiedName> done = new ArrayList<>();
        while (done.size() < changes.size()) {
            QualifiedName next = null;
            for (QualifiedName table : changes.keySet()) {
                if (!done.contains(table) && done.containsAll(after.get(table))) {
                    next = table;
                    break;
                }
            }
            if (next == null) throw cycle(changes, after, done);
            result.set(places.get(done.size()), changes.get(next));
            done.add(next);
        }
        return result;
    }

    private static PersistenceOrderException cycle(
            Map<QualifiedName, AlterTablePersistence> changes,
            Map<QualifiedName, Set<QualifiedName>> after,
            List<QualifiedName> done) {
        for (QualifiedName table : changes.keySet()) {
            if (done.contains(table)) continue;
            for (QualifiedName waits : after.get(table)) {
                if (done.contains(waits)) continue;
                boolean unlogged = changes.get(table).unlogged();
                QualifiedName referencing = unlogged ? waits : table;
                QualifiedName referenced = unlogged ? table : waits;
                return new PersistenceOrderException(
                        referencing,
                        referenced,
                        " and " + referenced + " references " + referencing + ", and the plan makes both "
                                + (unlogged ? "unlogged" : "logged") + ", so neither can change first");
            }
        }
        throw new AssertionError(after);
    }

    /** A foreign key from one table to another. */
    private record Reference(QualifiedName referencing, QualifiedName referenced) {}

    /** The references of the foreign keys both sides have: they are there while the plan's tables change. */
    private static List<Reference> kept(Schema current, Schema target) {
        Map<QualifiedName, Table> currentTables = Differ.byName(current.tables(), Table::name);
        List<Reference> kept = new ArrayList<>();
        for (Table table : target.tables()) {
            Table existing = currentTables.get(table.name());
            if (existing == null) continue;
            Set<ForeignKey> shapes = new LinkedHashSet<>();
            existing.foreignKeys().forEach(key -> shapes.add(key.shape()));
            for (ForeignKey key : table.foreignKeys()) {
                if (shapes.contains(key.shape())) kept.add(new Reference(table.name(), key.referencedTable()));
            }
        }
        return kept;
    }

    private static boolean unlogged(Schema schema, QualifiedName table) {
        return schema.table(table).map(Table::unlogged).orElse(false);
    }
}
