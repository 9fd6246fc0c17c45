package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.index;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Add-email, edited after a run of it stopped halfway. */
@Revision(
        id = "c3d4e5f6a1b2",
        revises = "b2c3d4e5f6a1",
        message = "add-email"
)
public final class Rc3d4e5f6a1b2_AddEmail implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.addColumn("customers", column("email", "varchar(320)"));
        // the backfill made shorter after its first statement ran: an edit, so the run is not resumed
        op.execute("SELECT SLEEP(0)");
        op.createIndex("customers", index("email").named("customers_email"));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropIndex("customers", index("email").named("customers_email"));
        op.dropColumn("customers", column("email", "varchar(320)"));
    }
}
