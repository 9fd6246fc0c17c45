package migrations;

import static dev.retort.runtime.Ops.*;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

@Revision(id = "a1b2c3d4e5f6", message = "create orders")
public final class Ra1b2c3d4e5f6_CreateOrders implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable("orders", column("id", "bigint").notNull(), column("customer", "text"));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropTable("orders");
    }
}
