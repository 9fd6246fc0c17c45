package migrations;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Renames by hand.
 *
 * <p>Revision ID: 1e1e1e1e1e1e<br>
 * Revises: 5e5e5e5e5e5e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "1e1e1e1e1e1e",
        revises = "5e5e5e5e5e5e",
        message = "renames by hand"
)
public final class R1e1e1e1e1e1e_RenamesByHand implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.renameTable("customers", "clients");
        op.renameColumn("clients", "name", "full_name");
    }

    @Override
    public void downgrade(Ops op) {
        op.renameColumn("clients", "full_name", "name");
        op.renameTable("clients", "customers");
    }
}
