package com.example.failing.migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Create customers. */
@Revision(id = "6a1f0c2b9d01", message = "create customers")
public final class R6a1f0c2b9d01_CreateCustomers implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable(
                "customers",
                column("id", "bigint").notNull().identityByDefault(),
                column("email", "varchar(320)").notNull(),
                primaryKey("id"));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropTable(
                "customers",
                column("id", "bigint").notNull().identityByDefault(),
                column("email", "varchar(320)").notNull(),
                primaryKey("id"));
    }
}
