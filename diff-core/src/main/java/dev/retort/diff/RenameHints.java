package dev.retort.diff;

import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import dev.retort.schema.Types;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spots drops and adds that look like renames: in one table, exactly one column dropped and one
 * added with the same type, or with a type one of the two widens to without losing a value (a rename
 * with a type change: {@code integer} and {@code bigint}, {@code varchar(10)} and {@code varchar(20)});
 * or one table dropped and one created in the same schema with the same columns. The operations stay
 * as they are (a rename is the author's call); the hint is a comment.
 */
public final class RenameHints {
    private RenameHints() {}

    /**
     * The sentence a reviewer reads above the drop, and the operations that would keep the data: the rename, then,
     * for a rename with a type change, the column's change under its new name.
     */
    public record Hint(String sentence, List<Op> instead) {
        public Hint {
            instead = List.copyOf(instead);
        }

        /** The rename alone, when the column keeps its type or it is a table's; null for a rename with a type change. */
        public Op plainRename() {
            return instead.size() == 1 ? instead.get(0) : null;
        }
    }

    /** For each operation that looks like half of a rename, the hint. */
    public static Map<Op, Hint> of(List<Op> ops) {
        Map<Op, Hint> hints = new IdentityHashMap<>();
        for (Op op : ops) {
            if (op instanceof DropColumn drop) {
                List<AddColumn> adds = ops.stream()
                        .filter(o -> o instanceof AddColumn a && a.table().equals(drop.table()))
                        .map(AddColumn.class::cast)
                        .toList();
                long drops = ops.stream()
                        .filter(o -> o instanceof DropColumn d && d.table().equals(drop.table()))
                        .count();
                if (drops == 1 && adds.size() == 1) {
                    Column dropped = drop.column();
                    Column added = adds.get(0).column();
                    String pair = drop.table() + "." + dropped.name() + " -> " + added.name();
                    RenameColumn rename = new RenameColumn(drop.table(), dropped.name(), added.name());
                    if (added.type().equals(dropped.type())) {
                        hints.put(
                                drop,
                                new Hint(
                                        "RENAME? " + pair
                                                + " looks like a rename: to keep the data, replace the addColumn and this dropColumn with",
                                        List.of(rename)));
                    } else if (keepsValues(dropped.type(), added.type())) {
                        hints.put(
                                drop,
                                new Hint(
                                        "RENAME? " + pair + " looks like a rename with a type change (" + dropped.type()
                                                + " -> " + added.type()
                                                + "): to keep the data, replace the addColumn and this dropColumn with",
                                        List.of(
                                                rename,
                                                new AlterColumn(drop.table(), dropped.withName(added.name()), added))));
                    }
                }
            } else if (op instanceof DropTable drop) {
                List<CreateTable> creates = ops.stream()
                        .filter(o -> o instanceof CreateTable c
                                && Objects.equals(
                                        c.table().schema(), drop.table().schema())
                                && sameColumns(c.definition(), drop.definition()))
                        .map(CreateTable.class::cast)
                        .toList();
                if (creates.size() == 1) {
                    hints.put(
                            drop,
                            new Hint(
                                    "RENAME? table " + drop.table() + " -> "
                                            + creates.get(0).table().name()
                                            + " looks like a rename: to keep the rows, replace the createTable and this dropTable with",
                                    List.of(new RenameTable(
                                            drop.table(), creates.get(0).table().name()))));
                }
            }
        }
        return hints;
    }

    /**
     * Whether one of the two types widens to the other keeping every value: the upgrade's change, or its downgrade's
     * reverse, which fails on a value that does not fit rather than cut it ({@link AlterColumn}'s hazards say which).
     */
    private static boolean keepsValues(String a, String b) {
        return widens(Types.classify(a, b)) || widens(Types.classify(b, a));
    }

    private static boolean widens(Types.Change change) {
        return change == Types.Change.WIDENING_IN_PLACE || change == Types.Change.WIDENING_REWRITE;
    }

    private static boolean sameColumns(Table a, Table b) {
        List<String> left = new ArrayList<>();
        a.columns().forEach(c -> left.add(c.name() + " " + c.type()));
        List<String> right = new ArrayList<>();
        b.columns().forEach(c -> right.add(c.name() + " " + c.type()));
        left.sort(null);
        right.sort(null);
        return !left.isEmpty() && left.equals(right);
    }
}
