package dev.retort.runtime;

import static dev.retort.runtime.Ops.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropColumn;
import dev.retort.runtime.internal.RenderedSql;
import dev.retort.schema.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code op.alterTable} records one step holding one operation per change, rendered as one statement. */
class AlterTableTest {
    private static final QualifiedName ORDERS = new QualifiedName("sales", "orders");

    @Test
    void aBlockIsOneStepOfItsChangesAndOneStatement() {
        Ops op = new Ops();
        op.schema("sales").alterTable("orders", t -> {
            t.addColumn(column("note", "text"));
            t.alterColumn(column("total", "integer"), column("total", "bigint"));
            t.dropColumn(column("old", "text"));
        });
        List<Object> changes = List.of(
                new AddColumn(ORDERS, column("note", "text")),
                new AlterColumn(ORDERS, column("total", "integer"), column("total", "bigint")),
                new DropColumn(ORDERS, column("old", "text")));
        assertEquals(1, op.steps().size());
        assertEquals(changes, List.copyOf(op.operations()));
        assertEquals(
                List.of(new RenderedSql.Statement(
                        "ALTER TABLE \"sales\".\"orders\"\n    ADD COLUMN \"note\" text,\n"
                                + "    ALTER COLUMN \"total\" TYPE bigint,\n    DROP COLUMN \"old\"",
                        false)),
                RenderedSql.of(op.steps()).statements());
    }

    @Test
    void anEmptyBlockIsRefusedNamingItsTable() {
        Ops op = new Ops();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.alterTable("t", t -> {}));
        assertEquals("alter table t changes nothing", e.getMessage());
    }
}
