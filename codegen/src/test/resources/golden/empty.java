package migrations;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Data fix only.
 *
 * <p>Revision ID: 0a1b2c3d4e5f<br>
 * Revises: 9b1e0c2d4f6a<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "0a1b2c3d4e5f",
        revises = "9b1e0c2d4f6a",
        message = "data fix only"
)
public final class R0a1b2c3d4e5f_DataFixOnly implements Migration {
    @Override
    public void upgrade(Ops op) {
        // No operations.
    }

    @Override
    public void downgrade(Ops op) {
        // No operations.
    }
}
