package dev.retort.diff;

import dev.retort.op.AddColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spots drops and adds that look like renames: in one table, exactly one column dropped and one
 * added with the same type; or one table dropped and one created in the same schema with the same
 * columns. The operations stay as they are (a rename is the author's call); the hint is a comment.
 */
public final class RenameHints {
    private RenameHints() {}

    /** The sentence a reviewer reads above the drop, and the operation that would keep the data. */
    public record Hint(String sentence, Op instead) {}

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
                if (drops == 1
                        && adds.size() == 1
                        && adds.get(0).column().type().equals(drop.column().type())) {
                    Column added = adds.get(0).column();
                    hints.put(
                            drop,
                            new Hint(
                                    "RENAME? " + drop.table() + "."
                                            + drop.column().name() + " -> " + added.name()
                                            + " looks like a rename: to keep the data, replace the addColumn and this dropColumn with",
                                    new RenameColumn(drop.table(), drop.column().name(), added.name())));
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
                                    new RenameTable(
                                            drop.table(), creates.get(0).table().name())));
                }
            }
        }
        return hints;
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
