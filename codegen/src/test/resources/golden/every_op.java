package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * V2: phone, narrower email *&#47; &lt;b&gt;.
 *
 * <p>Revision ID: 9b1e0c2d4f6a<br>
 * Revises: 3f2a9c1b7d4e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "9b1e0c2d4f6a",
        revises = "3f2a9c1b7d4e",
        message = "v2: phone, narrower email */ <b>"
)
public final class R9b1e0c2d4f6a_V2PhoneNarrowerEmailB implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.schema("sales").createTable("orders",
                column("id", "bigint").identityByDefault(),
                column("total", "numeric(12,2)"),
                column("placed_at", "timestamptz(6)").notNull(),
                primaryKey("id"));
        op.alterTable("customers", t -> {
            t.addColumn(column("phone", "varchar(30)"));
            // HAZARD fails-on-data: type varchar(200) -> varchar(100) of customers.email fails, before anything changes, if a value would be cut or rounded
            // HAZARD table-rewrite: changing the type of customers.email rewrites the table
            t.alterColumn(
                    column("email", "varchar(200)").notNull(),
                    column("email", "varchar(100)").notNull());
            // HAZARD long-lock: SET NOT NULL on customers.name scans the table under an exclusive lock and fails if it holds nulls
            t.alterColumn(
                    column("name", "varchar(100)"),
                    column("name", "varchar(100)").notNull());
        });
        op.dropPrimaryKey("order_lines", primaryKey("order_id", "line_no"));
        op.alterTable("order_lines", t -> {
            t.alterColumn(
                    column("line_no", "integer").notNull(),
                    column("line_no", "integer"));
            // HAZARD table-rewrite: changing the type of order_lines.quantity rewrites the table
            t.alterColumn(
                    column("quantity", "integer").notNull(),
                    column("quantity", "bigint").notNull());
        });
        // HAZARD long-lock: adding the primary key of order_lines builds a unique index under an exclusive lock and fails on duplicates or nulls
        op.addPrimaryKey("order_lines", primaryKey("order_id"));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropPrimaryKey("order_lines", primaryKey("order_id"));
        op.alterTable("order_lines", t -> {
            // HAZARD data-loss: type bigint -> integer of order_lines.quantity may cut or fail to convert values
            // HAZARD table-rewrite: changing the type of order_lines.quantity rewrites the table
            t.alterColumn(
                    column("quantity", "bigint").notNull(),
                    column("quantity", "integer").notNull());
            // HAZARD long-lock: SET NOT NULL on order_lines.line_no scans the table under an exclusive lock and fails if it holds nulls
            t.alterColumn(
                    column("line_no", "integer"),
                    column("line_no", "integer").notNull());
        });
        // HAZARD long-lock: adding the primary key of order_lines builds a unique index under an exclusive lock and fails on duplicates or nulls
        op.addPrimaryKey("order_lines", primaryKey("order_id", "line_no"));
        op.alterTable("customers", t -> {
            t.alterColumn(
                    column("name", "varchar(100)").notNull(),
                    column("name", "varchar(100)"));
            t.alterColumn(
                    column("email", "varchar(100)").notNull(),
                    column("email", "varchar(200)").notNull());
            // HAZARD data-loss: drops column customers.phone and its data
            t.dropColumn(column("phone", "varchar(30)"));
        });
        // HAZARD data-loss: drops table sales.orders and all its rows
        op.schema("sales").dropTable("orders",
                column("id", "bigint").identityByDefault(),
                column("total", "numeric(12,2)"),
                column("placed_at", "timestamptz(6)").notNull(),
                primaryKey("id"));
    }
}
