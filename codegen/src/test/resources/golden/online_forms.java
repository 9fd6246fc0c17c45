package migrations;

import static dev.retort.runtime.Ops.check;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.primaryKey;
import static dev.retort.runtime.Ops.unique;

import dev.retort.op.Option;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;

/**
 * Online forms.
 *
 * <p>Revision ID: 5e1f0a2b3c4d<br>
 * Revises: 3f2a9c1b7d4e<br>
 * Create Date: 2026-12-01 20:00:00
 */
@Revision(
        id = "5e1f0a2b3c4d",
        revises = "3f2a9c1b7d4e",
        message = "online forms"
)
public final class R5e1f0a2b3c4d_OnlineForms implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.createTable("notes",
                column("id", "bigint").notNull(),
                column("customer_id", "bigint"),
                primaryKey("id"));
        op.addCheck("customers", check("\"email\" IS NOT NULL").named("customers_email_nn_check").notValid());
        // HAZARD fails-on-data: validating a constraint on customers reads every row (writes go on) and fails on rows that violate it
        op.autocommit(a -> a.validateConstraint("customers", check("\"email\" IS NOT NULL").named("customers_email_nn_check")));
        op.alterColumn("customers",
                column("email", "varchar(200)"),
                column("email", "varchar(200)").notNull());
        op.dropCheck("customers", check("\"email\" IS NOT NULL").named("customers_email_nn_check"));
        op.autocommit(a -> {
            a.dropIndex("customers",
                    index("email").asUnique().named("customers_email_key"),
                    Option.CONCURRENTLY,
                    Option.IF_EXISTS);
            // HAZARD fails-on-data: building unique index customers_email_key on customers fails on duplicates (writes go on), leaving an INVALID index to drop
            a.createIndex("customers",
                    index("email").asUnique().named("customers_email_key"),
                    Option.CONCURRENTLY);
        });
        op.addUnique("customers",
                unique("email").named("customers_email_key"),
                Option.USING_INDEX);
        op.addCheck("customers", check("age >= 0").named("customers_age_check").notValid());
        op.autocommit(a -> {
            a.dropIndex("customers",
                    index("age"),
                    Option.CONCURRENTLY,
                    Option.IF_EXISTS);
            a.createIndex("customers",
                    index("age"),
                    Option.CONCURRENTLY);
        });
        op.createIndex("notes", index("customer_id"));
        op.autocommit(a -> a.dropIndex("orders",
                index("customer_id").named("orders_customer_idx"),
                Option.CONCURRENTLY));
        op.autocommit(a -> {
            a.dropIndex("orders",
                    index("id").asUnique().named("orders_pkey"),
                    Option.CONCURRENTLY,
                    Option.IF_EXISTS);
            // HAZARD fails-on-data: building unique index orders_pkey on orders fails on duplicates (writes go on), leaving an INVALID index to drop
            a.createIndex("orders",
                    index("id").asUnique().named("orders_pkey"),
                    Option.CONCURRENTLY);
        });
        op.addPrimaryKey("orders",
                primaryKey("id"),
                Option.USING_INDEX);
        op.addForeignKey("notes", foreignKey("customer_id").references("customers", "id"));
        op.addForeignKey("orders",
                foreignKey("customer_id").references("customers", "id"),
                Option.NOT_VALID);
        // HAZARD fails-on-data: validating a constraint on customers reads every row (writes go on) and fails on rows that violate it
        op.autocommit(a -> a.validateConstraint("customers", check("age >= 0").named("customers_age_check")));
        // HAZARD fails-on-data: validating a constraint on orders reads every row (writes go on) and fails on rows that violate it
        op.autocommit(a -> a.validateConstraint("orders", foreignKey("customer_id").references("customers", "id")));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropForeignKey("orders", foreignKey("customer_id").references("customers", "id"));
        op.dropForeignKey("notes", foreignKey("customer_id").references("customers", "id"));
        op.dropPrimaryKey("orders", primaryKey("id"));
        op.autocommit(a -> {
            a.dropIndex("orders",
                    index("customer_id").named("orders_customer_idx"),
                    Option.CONCURRENTLY,
                    Option.IF_EXISTS);
            a.createIndex("orders",
                    index("customer_id").named("orders_customer_idx"),
                    Option.CONCURRENTLY);
        });
        op.dropIndex("notes", index("customer_id"));
        op.autocommit(a -> a.dropIndex("customers",
                index("age"),
                Option.CONCURRENTLY));
        op.dropCheck("customers", check("age >= 0").named("customers_age_check"));
        op.dropUnique("customers", unique("email").named("customers_email_key"));
        op.alterColumn("customers",
                column("email", "varchar(200)").notNull(),
                column("email", "varchar(200)"));
        // HAZARD data-loss: drops table notes and all its rows
        op.dropTable("notes",
                column("id", "bigint").notNull(),
                column("customer_id", "bigint"),
                primaryKey("id"));
    }
}
