package migrations;

import static dev.retort.runtime.Ops.check;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.foreignKey;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Validate a check, a key not valid again, NO INHERIT.
 *
 * <p>Revision ID: 8d8d8d8d8d8d<br>
 * Revises: 6e6e6e6e6e6e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "8d8d8d8d8d8d",
        revises = "6e6e6e6e6e6e",
        message = "validate a check, a key not valid again, NO INHERIT"
)
public final class R8d8d8d8d8d8d_ValidateACheckAKeyNotValidAgainNOINHERIT implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable("notes",
                column("body", "text"),
                check("body <> ''").notValid());
        op.addCheck("orders", check("total < 1000000").noInherit().notValid());
        // HAZARD fails-on-data: validating a constraint on orders reads every row (writes go on) and fails on rows that violate it
        op.validateConstraint("orders", check("total >= 0").named("orders_total_check"));
        op.invalidateConstraint("orders", foreignKey("customer_id").references("customers", "id").named("orders_customer_id_fkey"));
    }

    @Override
    public void downgrade(Ops op) {
        // HAZARD fails-on-data: validating a constraint on orders reads every row (writes go on) and fails on rows that violate it
        op.validateConstraint("orders", foreignKey("customer_id").references("customers", "id").named("orders_customer_id_fkey"));
        op.invalidateConstraint("orders", check("total >= 0").named("orders_total_check"));
        op.dropCheck("orders", check("total < 1000000").noInherit().notValid());
        // HAZARD data-loss: drops table notes and all its rows
        op.dropTable("notes",
                column("body", "text"),
                check("body <> ''").notValid());
    }
}
