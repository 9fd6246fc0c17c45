package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;

import dev.retort.op.Option;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Concurrent index, not valid key, exclusion.
 *
 * <p>Revision ID: 6e6e6e6e6e6e<br>
 * Revises: 4e4e4e4e4e4e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "6e6e6e6e6e6e",
        revises = "4e4e4e4e4e4e",
        message = "concurrent index, not valid key, exclusion"
)
public final class R6e6e6e6e6e6e_ConcurrentIndexNotValidKeyExclusion implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.addColumn("bookings",
                column("during", "tsrange"),
                Option.IF_NOT_EXISTS);
        // HAZARD long-lock: adding exclusion constraint bookings_no_overlap on bookings builds its index and checks every row under an exclusive lock
        op.addExclusion("bookings",
                "bookings_no_overlap",
                "USING gist (during WITH &&)");
        op.addForeignKey("bookings",
                foreignKey("customer_id").references("customers", "id"),
                Option.NOT_VALID);
        op.createIndex("bookings",
                index("customer_id"),
                Option.CONCURRENTLY,
                Option.IF_NOT_EXISTS);
    }

    @Override
    public void downgrade(Ops op) {
        op.dropIndex("bookings",
                index("customer_id"),
                Option.CONCURRENTLY,
                Option.IF_EXISTS);
        op.dropForeignKey("bookings",
                foreignKey("customer_id").references("customers", "id"),
                Option.NOT_VALID);
        op.dropExclusion("bookings",
                "bookings_no_overlap",
                "USING gist (during WITH &&)");
        // HAZARD data-loss: drops column bookings.during and its data
        op.dropColumn("bookings",
                column("during", "tsrange"),
                Option.IF_EXISTS);
    }
}
