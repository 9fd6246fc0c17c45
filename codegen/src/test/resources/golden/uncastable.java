package migrations;

import static dev.retort.runtime.Ops.column;

import dev.retort.op.Using;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Seen as a timestamp.
 *
 * <p>Revision ID: 9c9c9c9c9c9c<br>
 * Revises: 9b9b9b9b9b9b<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "9c9c9c9c9c9c",
        revises = "9b9b9b9b9b9b",
        message = "seen as a timestamp"
)
public final class R9c9c9c9c9c9c_SeenAsATimestamp implements Migration {
    @Override
    public void upgrade(Ops op) {
        // HAZARD needs-using: type bigint -> timestamp(6) of visits.seen has no cast PostgreSQL can apply: its USING expression is to be written by hand (Using.of("...") in place of Using.TO_BE_WRITTEN); until then it fails before anything changes
        // HAZARD data-loss: type bigint -> timestamp(6) of visits.seen may cut or fail to convert values
        // HAZARD table-rewrite: changing the type of visits.seen rewrites the table
        // TODO(retort): write the USING expression that turns visits.seen from bigint into timestamp(6): Using.of("...") in place of Using.TO_BE_WRITTEN
        op.acknowledgeDataLoss(Ops.UNREVIEWED).alterColumn("visits",
                column("seen", "bigint"),
                column("seen", "timestamp"),
                Using.TO_BE_WRITTEN);
    }

    @Override
    public void downgrade(Ops op) {
        // HAZARD needs-using: type timestamp(6) -> bigint of visits.seen has no cast PostgreSQL can apply: its USING expression is to be written by hand (Using.of("...") in place of Using.TO_BE_WRITTEN); until then it fails before anything changes
        // HAZARD data-loss: type timestamp(6) -> bigint of visits.seen may cut or fail to convert values
        // HAZARD table-rewrite: changing the type of visits.seen rewrites the table
        // TODO(retort): write the USING expression that turns visits.seen from timestamp(6) into bigint: Using.of("...") in place of Using.TO_BE_WRITTEN
        op.alterColumn("visits",
                column("seen", "timestamp"),
                column("seen", "bigint"),
                Using.TO_BE_WRITTEN);
    }
}
