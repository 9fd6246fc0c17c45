package migrations;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.owner;
import static dev.retort.runtime.Ops.primaryKey;
import static dev.retort.runtime.Ops.sequence;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Serial to identity, generated and collated columns.
 *
 * <p>Revision ID: 4e4e4e4e4e4e<br>
 * Revises: 3e3e3e3e3e3e<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "4e4e4e4e4e4e",
        revises = "3e3e3e3e3e3e",
        message = "serial to identity, generated and collated columns"
)
public final class R4e4e4e4e4e4e_SerialToIdentityGeneratedAndCollatedColumns implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.alterSequenceOwner("tickets_id_seq", owner("tickets", "id"), null);
        op.createSequence(sequence("counters_id_seq", 1, 1));
        op.createTable("counters",
                column("id", "bigint").defaultValue("nextval('counters_id_seq'::regclass)").notNull(),
                primaryKey("id"));
        op.acknowledgeDataLoss(Ops.UNREVIEWED).alterTable("tickets", t -> {
            t.alterColumn(
                    column("id", "integer").defaultValue("nextval('tickets_id_seq'::regclass)").notNull(),
                    column("id", "integer").identityByDefault());
            // HAZARD long-lock: changing the collation of tickets.code rebuilds its indexes under an exclusive lock
            t.alterColumn(
                    column("code", "text"),
                    column("code", "text").collate("\"C\""));
            // HAZARD data-loss: the values of tickets.total are replaced by the generated ones
            // HAZARD table-rewrite: adding the generated column tickets.total again rewrites the table
            t.alterColumn(
                    column("total", "numeric(10,2)"),
                    column("total", "numeric(10,2)").generatedAs("price * 2"));
        });
        op.alterSequenceOwner("counters_id_seq", null, owner("counters", "id"));
        // HAZARD data-loss: drops sequence tickets_id_seq and its current value
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropSequence(sequence("tickets_id_seq", 1, 1));
    }

    @Override
    public void downgrade(Ops op) {
        op.createSequence(sequence("tickets_id_seq", 1, 1));
        op.alterSequenceOwner("counters_id_seq", owner("counters", "id"), null);
        op.alterTable("tickets", t -> {
            t.alterColumn(
                    column("total", "numeric(10,2)").generatedAs("price * 2"),
                    column("total", "numeric(10,2)"));
            // HAZARD long-lock: changing the collation of tickets.code rebuilds its indexes under an exclusive lock
            t.alterColumn(
                    column("code", "text").collate("\"C\""),
                    column("code", "text"));
            t.alterColumn(
                    column("id", "integer").identityByDefault(),
                    column("id", "integer").defaultValue("nextval('tickets_id_seq'::regclass)").notNull());
        });
        // HAZARD data-loss: drops table counters and all its rows
        op.dropTable("counters",
                column("id", "bigint").defaultValue("nextval('counters_id_seq'::regclass)").notNull(),
                primaryKey("id"));
        // HAZARD data-loss: drops sequence counters_id_seq and its current value
        op.dropSequence(sequence("counters_id_seq", 1, 1));
        op.alterSequenceOwner("tickets_id_seq", null, owner("tickets", "id"));
    }
}
