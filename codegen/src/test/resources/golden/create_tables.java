package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Create customers and lines.
 *
 * <p>Revision ID: 3f2a9c1b7d4e<br>
 * Revises: &lt;base&gt;<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "3f2a9c1b7d4e",
        message = "create customers and lines"
)
public final class R3f2a9c1b7d4e_CreateCustomersAndLines implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable("customers",
                column("id", "bigint").identityByDefault(),
                column("email", "varchar(200)").notNull(),
                column("name", "varchar(100)"),
                primaryKey("id"));
        op.createTable("order_lines",
                column("order_id", "bigint").notNull(),
                column("line_no", "integer").notNull(),
                column("quantity", "integer").notNull(),
                primaryKey("order_id", "line_no"));
        op.schema("sales").createTable("orders",
                column("id", "bigint").identityByDefault(),
                column("total", "numeric(12,2)"),
                column("placed_at", "timestamptz(6)").notNull(),
                primaryKey("id"));
    }

    @Override
    public void downgrade(Ops op) {
        // HAZARD data-loss: drops table sales.orders and all its rows
        op.schema("sales").dropTable("orders",
                column("id", "bigint").identityByDefault(),
                column("total", "numeric(12,2)"),
                column("placed_at", "timestamptz(6)").notNull(),
                primaryKey("id"));
        // HAZARD data-loss: drops table order_lines and all its rows
        op.dropTable("order_lines",
                column("order_id", "bigint").notNull(),
                column("line_no", "integer").notNull(),
                column("quantity", "integer").notNull(),
                primaryKey("order_id", "line_no"));
        // HAZARD data-loss: drops table customers and all its rows
        op.dropTable("customers",
                column("id", "bigint").identityByDefault(),
                column("email", "varchar(200)").notNull(),
                column("name", "varchar(100)"),
                primaryKey("id"));
    }
}
