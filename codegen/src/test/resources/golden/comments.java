package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.tableComment;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Comments.
 *
 * <p>Revision ID: 3e3e3e3e3e3e<br>
 * Revises: 2e2e2e2e2e2e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "3e3e3e3e3e3e",
        revises = "2e2e2e2e2e2e",
        message = "comments"
)
public final class R3e3e3e3e3e3e_Comments implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable("notes",
                column("body", "text").comment("it's free text"),
                tableComment("Notes \"quoted\""));
        op.alterTableComment("customers", null, "People who buy");
        op.alterColumn("customers",
                column("id", "bigint").identityByDefault(),
                column("id", "bigint").comment("surrogate key").identityByDefault());
    }

    @Override
    public void downgrade(Ops op) {
        op.alterColumn("customers",
                column("id", "bigint").comment("surrogate key").identityByDefault(),
                column("id", "bigint").identityByDefault());
        op.alterTableComment("customers", "People who buy", null);
        // HAZARD data-loss: drops table notes and all its rows
        op.dropTable("notes",
                column("body", "text").comment("it's free text"),
                tableComment("Notes \"quoted\""));
    }
}
