package migrations;

import static dev.retort.runtime.Ops.column;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Schemas as objects.
 *
 * <p>Revision ID: 9f9f9f9f9f9f<br>
 * Revises: 9e9e9e9e9e9e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "9f9f9f9f9f9f",
        revises = "9e9e9e9e9e9e",
        message = "schemas as objects"
)
public final class R9f9f9f9f9f9f_SchemasAsObjects implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.alterSchemaComment("crm", "People", "Customers");
        op.createSchema("sales", "What we sell \"now\"");
        op.schema("sales").createTable("orders", column("id", "bigint"));
        // HAZARD data-loss: drops table archive.old and all its rows
        op.acknowledgeDataLoss(Ops.UNREVIEWED).schema("archive").dropTable("old", column("id", "bigint"));
        op.dropSchema("archive");
    }

    @Override
    public void downgrade(Ops op) {
        op.createSchema("archive");
        op.schema("archive").createTable("old", column("id", "bigint"));
        // HAZARD data-loss: drops table sales.orders and all its rows
        op.schema("sales").dropTable("orders", column("id", "bigint"));
        op.dropSchema("sales", "What we sell \"now\"");
        op.alterSchemaComment("crm", "Customers", "People");
    }
}
