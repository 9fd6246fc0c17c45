package com.example.mariadbshop.migrations;

import static dev.retort.runtime.Ops.column;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Add customer email, with its backfill in MariaDB's SQL ({@code ||} is MariaDB's OR, not a concatenation). */
@Revision(id = "5b0000000002", revises = "5b0000000001", message = "add customer email")
public final class R0002_AddCustomerEmail implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.addColumn("customers", column("email", "varchar(200)"));
        op.execute("UPDATE customers SET email = CONCAT(lower(name), '@example.com')");
    }

    @Override
    public void downgrade(Ops op) {
        op.dropColumn("customers", column("email", "varchar(200)"));
    }
}
