package dev.retort.cli;

import dev.retort.op.AddColumn;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import java.util.ArrayList;
import java.util.List;

/** One-line descriptions of operations, for {@code check} and {@code revision --autogenerate}. */
final class OpText {
    private OpText() {}

    static String describe(Op op) {
        if (op instanceof CreateTable c) return "add table " + c.table();
        if (op instanceof DropTable d) return "drop table " + d.table();
        if (op instanceof AddColumn a) return "add column " + a.table() + "." + a.column().name() + " " + column(a.column());
        if (op instanceof DropColumn d) return "drop column " + d.table() + "." + d.column().name();
        if (op instanceof AlterColumn a) return "alter column " + a.table() + "." + a.columnName() + ": " + changes(a);
        if (op instanceof AddPrimaryKey a) return "add primary key " + a.table() + " (" + String.join(", ", a.key().columns()) + ")";
        if (op instanceof DropPrimaryKey d) {
            return "drop primary key " + d.table() + " (" + String.join(", ", d.key().columns()) + ")";
        }
        throw new AssertionError(op);
    }

    private static String column(Column column) {
        String text = column.type();
        if (column.identity() != Identity.NONE) text += " identity " + column.identity().name().toLowerCase().replace('_', ' ');
        return column.nullable() ? text : text + " NOT NULL";
    }

    private static String changes(AlterColumn op) {
        List<String> changes = new ArrayList<>();
        if (op.typeChanged()) changes.add("type " + op.from().type() + " -> " + op.to().type());
        if (op.nullabilityChanged()) changes.add(op.to().nullable() ? "NOT NULL -> nullable" : "nullable -> NOT NULL");
        if (op.identityChanged()) {
            changes.add("identity " + op.from().identity().name().toLowerCase() + " -> " + op.to().identity().name().toLowerCase());
        }
        return String.join(", ", changes);
    }
}
