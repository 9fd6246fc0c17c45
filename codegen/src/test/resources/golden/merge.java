package migrations;

import static dev.retort.runtime.Ops.check;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.enumType;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.key;
import static dev.retort.runtime.Ops.owner;
import static dev.retort.runtime.Ops.primaryKey;
import static dev.retort.runtime.Ops.sequence;
import static dev.retort.runtime.Ops.tableComment;
import static dev.retort.runtime.Ops.unique;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Merge heads.
 *
 * <p>Revision ID: 7c7c7c7c7c7c<br>
 * Revises: 0a1b2c3d4e5f, 5e5e5e5e5e5e<br>
 * Branch labels: billing<br>
 * Depends on: 3f2a9c1b7d4e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "7c7c7c7c7c7c",
        revises = {"0a1b2c3d4e5f", "5e5e5e5e5e5e"},
        message = "merge heads",
        branchLabels = "billing",
        dependsOn = "3f2a9c1b7d4e"
)
public final class R7c7c7c7c7c7c_MergeHeads implements Migration {
    @Override
    public void upgrade(Ops op) {
        // No operations.
    }

    @Override
    public void downgrade(Ops op) {
        // No operations.
    }
}
