package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.unlogged;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Unlogged tables.
 *
 * <p>Revision ID: 9a9a9a9a9a9a<br>
 * Revises: 9f9f9f9f9f9f<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "9a9a9a9a9a9a",
        revises = "9f9f9f9f9f9f",
        message = "unlogged tables"
)
public final class R9a9a9a9a9a9a_UnloggedTables implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable("scratch",
                column("body", "text"),
                unlogged());
        // HAZARD table-rewrite: making customers unlogged rewrites the table under an ACCESS EXCLUSIVE lock
        op.setUnlogged("customers");
    }

    @Override
    public void downgrade(Ops op) {
        // HAZARD table-rewrite: making customers logged rewrites the table under an ACCESS EXCLUSIVE lock
        op.setLogged("customers");
        // HAZARD data-loss: drops table scratch and all its rows
        op.dropTable("scratch",
                column("body", "text"),
                unlogged());
    }
}
