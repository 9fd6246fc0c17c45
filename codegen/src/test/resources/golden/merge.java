package migrations;

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
