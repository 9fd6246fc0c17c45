package dev.retort.runtime.app.migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Create accounts. */
@Revision(id = "000000000001", message = "create accounts")
public final class R0001_CreateAccounts implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable(
                "accounts",
                column("id", "bigint").identityByDefault(),
                column("email", "varchar(200)").notNull(),
                primaryKey("id"));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropTable(
                "accounts",
                column("id", "bigint").identityByDefault(),
                column("email", "varchar(200)").notNull(),
                primaryKey("id"));
    }
}
