package migrations;

import static dev.retort.runtime.Ops.check;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.enumType;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.key;
import static dev.retort.runtime.Ops.primaryKey;
import static dev.retort.runtime.Ops.sequence;
import static dev.retort.runtime.Ops.unique;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;
import dev.retort.schema.ForeignKey;

/**
 * Library v2.
 *
 * <p>Revision ID: 5e5e5e5e5e5e<br>
 * Revises: 9b1e0c2d4f6a<br>
 * Create Date: 2026-11-21 10:15:02
 */
@Revision(
        id = "5e5e5e5e5e5e",
        revises = "9b1e0c2d4f6a",
        message = "library v2"
)
public final class R5e5e5e5e5e5e_LibraryV2 implements Migration {
    @Override
    public void upgrade(Ops op) {
        op.dropEnumCasts("legacy_kind");
        op.dropForeignKey("legacy_notes", foreignKey("author_id").references("authors", "id").named("legacy_notes_author_fk"));
        op.autocommit(a -> a.alterEnum(enumType("loan_status", "OPEN", "RETURNED").withVarcharCasts(), enumType("loan_status", "LOST", "OPEN", "RETURNED").withVarcharCasts()));
        op.alterSequence(sequence("member_cards", 1000, 1), sequence("member_cards", 1000, 10));
        op.schema("reading").createEnum(enumType("mood", "sad", "happy"));
        op.schema("reading").addEnumCasts("mood");
        op.schema("reading").createSequence(sequence("reviews_seq", 1, 50));
        op.schema("reading").createTable("reviews",
                column("id", "bigint").notNull(),
                column("author_id", "bigint").notNull(),
                primaryKey("id"));
        op.dropIndex("legacy_notes", index("author_id").using("hash").named("legacy_notes_author_idx"));
        op.dropCheck("loans", check("((status)::text = ANY ((ARRAY['OPEN'::character varying])::text[]))").named("loans_status_check"));
        // HAZARD long-lock: adding check status in ('OPEN','LOST') on loans scans the table under an exclusive lock and fails on rows that violate it
        op.addCheck("loans", check("status in ('OPEN','LOST')"));
        op.dropUnique("members", unique("email").named("members_email_key"));
        // HAZARD long-lock: adding unique (email, branch) on members builds an index under an exclusive lock and fails on duplicates
        op.addUnique("members", unique("email", "branch").named("members_email_branch_key"));
        // HAZARD long-lock: building index on members (branch, (lower((email)::text))) blocks writes to it; for a large table, build it with CREATE INDEX CONCURRENTLY in op.autocommit, in a migration of its own
        op.createIndex("members", index(key("branch").desc(), key("(lower((email)::text))")).including("id").where("(id > 1000)").named("members_branch_idx"));
        // HAZARD data-loss: drops table legacy_notes and all its rows
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropTable("legacy_notes",
                column("id", "bigint").notNull(),
                column("author_id", "bigint"),
                primaryKey("id"));
        // HAZARD long-lock: adding a foreign key on loans (member_id) checks every row while both tables are locked against writes, and fails on rows without a match
        op.addForeignKey("loans", foreignKey("member_id").references("members", "id").onDelete(ForeignKey.Action.CASCADE).named("fkcx90n1minpb22v3jw4ojinqm"));
        op.schema("reading").addForeignKey("reviews", foreignKey("author_id").references("authors", "id").deferrable(false));
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropEnum(enumType("legacy_kind", "A"));
        // HAZARD data-loss: drops sequence legacy_seq and its current value
        op.acknowledgeDataLoss(Ops.UNREVIEWED).dropSequence(sequence("legacy_seq", 1, 1));
    }

    @Override
    public void downgrade(Ops op) {
        op.createSequence(sequence("legacy_seq", 1, 1));
        op.createEnum(enumType("legacy_kind", "A"));
        op.schema("reading").dropForeignKey("reviews", foreignKey("author_id").references("authors", "id").deferrable(false));
        op.dropForeignKey("loans", foreignKey("member_id").references("members", "id").onDelete(ForeignKey.Action.CASCADE).named("fkcx90n1minpb22v3jw4ojinqm"));
        op.createTable("legacy_notes",
                column("id", "bigint").notNull(),
                column("author_id", "bigint"),
                primaryKey("id"));
        op.dropIndex("members", index(key("branch").desc(), key("(lower((email)::text))")).including("id").where("(id > 1000)").named("members_branch_idx"));
        op.dropUnique("members", unique("email", "branch").named("members_email_branch_key"));
        // HAZARD long-lock: adding unique (email) on members builds an index under an exclusive lock and fails on duplicates
        op.addUnique("members", unique("email").named("members_email_key"));
        op.dropCheck("loans", check("status in ('OPEN','LOST')"));
        // HAZARD long-lock: adding check ((status)::text = ANY ((ARRAY['OPEN'::character varying])::text[])) on loans scans the table under an exclusive lock and fails on rows that violate it
        op.addCheck("loans", check("((status)::text = ANY ((ARRAY['OPEN'::character varying])::text[]))").named("loans_status_check"));
        op.createIndex("legacy_notes", index("author_id").using("hash").named("legacy_notes_author_idx"));
        // HAZARD data-loss: drops table reading.reviews and all its rows
        op.schema("reading").dropTable("reviews",
                column("id", "bigint").notNull(),
                column("author_id", "bigint").notNull(),
                primaryKey("id"));
        // HAZARD data-loss: drops sequence reading.reviews_seq and its current value
        op.schema("reading").dropSequence(sequence("reviews_seq", 1, 50));
        op.schema("reading").dropEnumCasts("mood");
        op.schema("reading").dropEnum(enumType("mood", "sad", "happy"));
        op.alterSequence(sequence("member_cards", 1000, 10), sequence("member_cards", 1000, 1));
        // HAZARD data-loss: enum loan_status loses or reorders labels: the type is rebuilt and every column using it rewritten, which fails if a row holds a removed label
        op.alterEnum(enumType("loan_status", "LOST", "OPEN", "RETURNED").withVarcharCasts(), enumType("loan_status", "OPEN", "RETURNED").withVarcharCasts());
        op.addForeignKey("legacy_notes", foreignKey("author_id").references("authors", "id").named("legacy_notes_author_fk"));
        op.addEnumCasts("legacy_kind");
    }
}
