package migrations;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Index renames.
 *
 * <p>Revision ID: 9b9b9b9b9b9b<br>
 * Revises: 9a9a9a9a9a9a<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "9b9b9b9b9b9b",
        revises = "9a9a9a9a9a9a",
        message = "index renames"
)
public final class R9b9b9b9b9b9b_IndexRenames implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.renameConstraint("customers", "customers_name_key", "customers_name_unique");
        op.renameIndex("customers", "customers_email_idx", "customers_by_email");
    }

    @Override
    public void downgrade(Ops op) {
        op.renameIndex("customers", "customers_by_email", "customers_email_idx");
        op.renameConstraint("customers", "customers_name_unique", "customers_name_key");
    }
}
