package com.example.forked.migrations;

import static dev.retort.runtime.Ops.index;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/** Index customer email: a second branch from the first revision, never merged. */
@Revision(id = "8d2b4f6a0c03", revises = "6a1f0c2b9d01", message = "index customer email")
public final class R8d2b4f6a0c03_IndexCustomerEmail implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createIndex("customers", index("email"));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropIndex("customers", index("email"));
    }
}
