package migrations;

import static dev.retort.runtime.Ops.column;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Looks like retyped renames.
 *
 * <p>Revision ID: 2f2f2f2f2f2f<br>
 * Revises: 2e2e2e2e2e2e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "2f2f2f2f2f2f",
        revises = "2e2e2e2e2e2e",
        message = "looks like retyped renames"
)
public final class R2f2f2f2f2f2f_LooksLikeRetypedRenames implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.addColumn("customers", column("full_name", "text"));
        // RENAME? customers.name -> full_name looks like a rename with a type change (varchar(100) -> text): to keep the data, replace the addColumn and this dropColumn with
        // op.renameColumn("customers", "name", "full_name");
        // op.alterColumn("customers", column("full_name", "varchar(100)"), column("full_name", "text"));
        // HAZARD data-loss: drops column customers.name and its data
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropColumn("customers", column("name", "varchar(100)"));
        // HAZARD fails-on-data: adds NOT NULL column order_lines.qty without a default: fails if the table has rows
        op.addColumn("order_lines", column("qty", "bigint").notNull());
        // RENAME? order_lines.quantity -> qty looks like a rename with a type change (integer -> bigint): to keep the data, replace the addColumn and this dropColumn with
        // op.renameColumn("order_lines", "quantity", "qty");
        // op.alterColumn("order_lines", column("qty", "integer").notNull(), column("qty", "bigint").notNull());
        // HAZARD data-loss: drops column order_lines.quantity and its data
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropColumn("order_lines", column("quantity", "integer").notNull());
    }

    @Override
    public void downgrade(Ops op) {
        // HAZARD fails-on-data: adds NOT NULL column order_lines.quantity without a default: fails if the table has rows
        op.addColumn("order_lines", column("quantity", "integer").notNull());
        // RENAME? order_lines.qty -> quantity looks like a rename with a type change (bigint -> integer): to keep the data, replace the addColumn and this dropColumn with
        // op.renameColumn("order_lines", "qty", "quantity");
        // op.alterColumn("order_lines", column("quantity", "bigint").notNull(), column("quantity", "integer").notNull());
        // HAZARD data-loss: drops column order_lines.qty and its data
        op.dropColumn("order_lines", column("qty", "bigint").notNull());
        op.addColumn("customers", column("name", "varchar(100)"));
        // RENAME? customers.full_name -> name looks like a rename with a type change (text -> varchar(100)): to keep the data, replace the addColumn and this dropColumn with
        // op.renameColumn("customers", "full_name", "name");
        // op.alterColumn("customers", column("name", "text"), column("name", "varchar(100)"));
        // HAZARD data-loss: drops column customers.full_name and its data
        op.dropColumn("customers", column("full_name", "text"));
    }
}
