package dev.retort.runtime.app.migrations;

import static dev.retort.runtime.Ops.column;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Add account name, with a backfill. */
@Revision(id = "000000000002", revises = "000000000001", message = "add account name")
public final class R0002_AddAccountName implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.addColumn("accounts", column("name", "varchar(100)"));
        op.execute("UPDATE accounts SET name = split_part(email, '@', 1)");
    }

    @Override
    public void downgrade(Ops op) {
        op.dropColumn("accounts", column("name", "varchar(100)"));
    }
}
