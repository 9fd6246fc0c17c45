package migrations;

import static dev.retort.runtime.Ops.attribute;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.compositeType;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Struct embeddables.
 *
 * <p>Revision ID: 9e9e9e9e9e9e<br>
 * Revises: 8e8e8e8e8e8e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "9e9e9e9e9e9e",
        revises = "8e8e8e8e8e8e",
        message = "struct embeddables"
)
public final class R9e9e9e9e9e9e_StructEmbeddables implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.alterType(compositeType("postal_address", attribute("zip", "integer"), attribute("city", "varchar(255)")), compositeType("postal_address", attribute("zip", "integer"), attribute("city", "varchar(255)"), attribute("zone", "varchar(255)")));
        op.createType(compositeType("price_range", attribute("low", "numeric(10,2)"), attribute("label", "text").collate("\"C\"")));
        op.createTable("shipments", column("price", "price_range"));
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropType(compositeType("old_point", attribute("x", "integer")));
    }

    @Override
    public void downgrade(Ops op) {
        op.createType(compositeType("old_point", attribute("x", "integer")));
        // HAZARD data-loss: drops table shipments and all its rows
        op.dropTable("shipments", column("price", "price_range"));
        op.dropType(compositeType("price_range", attribute("low", "numeric(10,2)"), attribute("label", "text").collate("\"C\"")));
        // HAZARD data-loss: drops attribute zone of type postal_address: its values in every column of the type are lost
        op.alterType(compositeType("postal_address", attribute("zip", "integer"), attribute("city", "varchar(255)"), attribute("zone", "varchar(255)")), compositeType("postal_address", attribute("zip", "integer"), attribute("city", "varchar(255)")));
    }
}
