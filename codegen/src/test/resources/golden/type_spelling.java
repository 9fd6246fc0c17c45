package migrations;

import static dev.retort.runtime.Ops.column;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Times as text.
 *
 * <p>Revision ID: 8e8e8e8e8e8e<br>
 * Revises: 6e6e6e6e6e6e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "8e8e8e8e8e8e",
        revises = "6e6e6e6e6e6e",
        message = "times as text"
)
public final class R8e8e8e8e8e8e_TimesAsText implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.acknowledgeDataLoss(Ops.UNREVIEWED).alterTable("visits", t -> {
            // HAZARD data-loss: type timestamp(6) -> text of visits.seen may cut or fail to convert values
            // HAZARD table-rewrite: changing the type of visits.seen rewrites the table
            t.alterColumn(
                    column("seen", "timestamp"),
                    column("seen", "text"));
            // HAZARD data-loss: type timetz(6) -> text of visits.opens may cut or fail to convert values
            // HAZARD table-rewrite: changing the type of visits.opens rewrites the table
            t.alterColumn(
                    column("opens", "timetz"),
                    column("opens", "text"));
        });
    }

    @Override
    public void downgrade(Ops op) {
        op.alterTable("visits", t -> {
            // HAZARD fails-on-data: type text -> timetz(6) of visits.opens fails, before anything changes, if a value would be cut or rounded
            // HAZARD table-rewrite: changing the type of visits.opens rewrites the table
            t.alterColumn(
                    column("opens", "text"),
                    column("opens", "timetz"));
            // HAZARD fails-on-data: type text -> timestamp(6) of visits.seen fails, before anything changes, if a value would be cut or rounded
            // HAZARD table-rewrite: changing the type of visits.seen rewrites the table
            t.alterColumn(
                    column("seen", "text"),
                    column("seen", "timestamp"));
        });
    }
}
