package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Looks like renames.
 *
 * <p>Revision ID: 2e2e2e2e2e2e<br>
 * Revises: 1e1e1e1e1e1e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "2e2e2e2e2e2e",
        revises = "1e1e1e1e1e1e",
        message = "looks like renames"
)
public final class R2e2e2e2e2e2e_LooksLikeRenames implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable("invoice_lines",
                column("order_id", "bigint").notNull(),
                column("line_no", "integer").notNull(),
                column("quantity", "integer").notNull(),
                primaryKey("order_id", "line_no"));
        op.addColumn("customers", column("full_name", "varchar(100)"));
        // RENAME? customers.name -> full_name looks like a rename: to keep the data, replace the addColumn and this dropColumn with
        // op.renameColumn("customers", "name", "full_name");
        // HAZARD data-loss: drops column customers.name and its data
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropColumn("customers", column("name", "varchar(100)"));
        // RENAME? table order_lines -> invoice_lines looks like a rename: to keep the rows, replace the createTable and this dropTable with
        // op.renameTable("order_lines", "invoice_lines");
        // HAZARD data-loss: drops table order_lines and all its rows
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropTable("order_lines",
                column("order_id", "bigint").notNull(),
                column("line_no", "integer").notNull(),
                column("quantity", "integer").notNull(),
                primaryKey("order_id", "line_no"));
    }

    @Override
    public void downgrade(Ops op) {
        op.createTable("order_lines",
                column("order_id", "bigint").notNull(),
                column("line_no", "integer").notNull(),
                column("quantity", "integer").notNull(),
                primaryKey("order_id", "line_no"));
        op.addColumn("customers", column("name", "varchar(100)"));
        // RENAME? customers.full_name -> name looks like a rename: to keep the data, replace the addColumn and this dropColumn with
        // op.renameColumn("customers", "full_name", "name");
        // HAZARD data-loss: drops column customers.full_name and its data
        op.dropColumn("customers", column("full_name", "varchar(100)"));
        // RENAME? table invoice_lines -> order_lines looks like a rename: to keep the rows, replace the createTable and this dropTable with
        // op.renameTable("invoice_lines", "order_lines");
        // HAZARD data-loss: drops table invoice_lines and all its rows
        op.dropTable("invoice_lines",
                column("order_id", "bigint").notNull(),
                column("line_no", "integer").notNull(),
                column("quantity", "integer").notNull(),
                primaryKey("order_id", "line_no"));
    }
}
