package com.example.mariadbshop.migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Create customers, with a first one: the shop's first migration, as it runs on MariaDB. */
@Revision(id = "5b0000000001", message = "create customers")
public final class R0001_CreateCustomers implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable(
                "customers",
                column("id", "bigint").identityByDefault(),
                column("name", "varchar(100)").notNull(),
                primaryKey("id"));
        op.execute("INSERT INTO customers (name) VALUES ('Ada')");
    }

    @Override
    public void downgrade(Ops op) {
        op.dropTable(
                "customers",
                column("id", "bigint").identityByDefault(),
                column("name", "varchar(100)").notNull(),
                primaryKey("id"));
    }
}
