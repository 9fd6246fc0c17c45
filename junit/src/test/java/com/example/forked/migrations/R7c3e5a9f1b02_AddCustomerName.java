package com.example.forked.migrations;

import static dev.retort.runtime.Ops.column;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Add customer name. */
@Revision(id = "7c3e5a9f1b02", revises = "6a1f0c2b9d01", message = "add customer name")
public final class R7c3e5a9f1b02_AddCustomerName implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.addColumn("customers", column("name", "varchar(100)"));
    }

    @Override
    public void downgrade(Ops op) {
        // HAZARD data-loss: drops column customers.name and its data
        op.dropColumn("customers", column("name", "varchar(100)"));
    }
}
