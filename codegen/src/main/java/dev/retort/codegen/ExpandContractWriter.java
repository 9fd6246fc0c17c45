package dev.retort.codegen;

import com.palantir.javapoet.JavaFile;
import dev.retort.diff.ExpandContract;
import dev.retort.diff.OnlineForms;
import dev.retort.diff.Plan;
import dev.retort.diff.Retype;
import dev.retort.op.AddColumn;
import dev.retort.op.DropColumn;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.postgres.DualWriteSql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Renders a plan's column renames as two migration classes deployed a release apart: the expand
 * one adds each new column, keeps it equal to the old one with a trigger while the old and the new
 * release both write, copies the rows in batches and sets {@code NOT NULL}; the contract one drops
 * the trigger and the old column. A type change ({@link Retype}) is written the same way around a
 * shadow column: a one-way converting trigger, the converting copy, the shadow's {@code NOT NULL}
 * check, indexes and unique constraints built online; the contract one swaps the shadow in. The
 * rest of the plan goes in the expand one, in {@code safety}'s forms, after the new columns (an
 * index the plan builds on one needs it there). A pure function, as {@link MigrationWriter}.
 */
public final class ExpandContractWriter {
    /** The Javadoc paragraph of the expand revision. */
    static final String EXPAND_NOTE = "Expand step of an expand/contract rename: deploy this revision, roll out the"
            + " release of the application that uses the new columns (the old release keeps working: a trigger keeps"
            + " both columns equal whichever one a release writes), then apply the contract revision that revises"
            + " this one.";

    /** The Javadoc paragraph of the contract revision. */
    static final String CONTRACT_NOTE = "Contract step of an expand/contract rename: apply it once no release that"
            + " writes the old columns runs any more; it drops the trigger and the old columns.";

    private static final List<String> BACKFILL_WAIVERS =
            List.of("unparsed-sql", "the expand/contract copy: an UPDATE per range of pages, each batch committed");

    /** The Javadoc paragraph of the expand revision of type changes. */
    static final String RETYPE_EXPAND_NOTE = "Expand step of an expand/contract type change: deploy this revision"
            + " while the old release runs (a trigger converts each value it writes into the shadow column), then"
            + " apply the contract revision that revises this one when you deploy the release whose entities have"
            + " the new type.";

    /** The Javadoc paragraph of the contract revision of type changes. */
    static final String RETYPE_CONTRACT_NOTE = "Contract step of an expand/contract type change: it drops the trigger"
            + " and the old column and gives the shadow column its name, NOT NULL, default, indexes and constraints;"
            + " from here on the column has the new type (and is the table's last column), so apply it with the"
            + " release that reads the new type.";

    private static final String SWAP_WAIVER =
            "the expand/contract swap: the shadow column takes the dropped column's name, which every release uses";

    private static final List<String> GUARD_WAIVERS =
            List.of("unparsed-sql", "the guard before the copy back: fails naming the rows that would change");

    private ExpandContractWriter() {}

    /** The expand class, then the contract class. */
    public static List<JavaFile> write(
            String packageName, RevisionHeader expand, RevisionHeader contract, ExpandContract split, Safety safety) {
        boolean renames = !split.renames().isEmpty();
        boolean retypes = !split.retypes().isEmpty();
        String expandNote = renames && retypes
                ? EXPAND_NOTE + " " + RETYPE_EXPAND_NOTE
                : renames ? EXPAND_NOTE : RETYPE_EXPAND_NOTE;
        String contractNote = renames && retypes
                ? CONTRACT_NOTE + " " + RETYPE_CONTRACT_NOTE
                : renames ? CONTRACT_NOTE : RETYPE_CONTRACT_NOTE;
        return List.of(
                MigrationWriter.write(
                        packageName, expand, expandNote, expandUp(split, safety), expandDown(split, safety)),
                MigrationWriter.write(packageName, contract, contractNote, contractUp(split), contractDown(split)));
    }

    private static List<MigrationWriter.Piece> expandUp(ExpandContract split, Safety safety) {
        List<MigrationWriter.Piece> pieces = new ArrayList<>();
        for (ExpandContract.Rename r : split.renames()) {
            String from = r.from().name();
            String to = r.to().name();
            pieces.add(transaction(List.of(new AddColumn(r.table(), r.added(), Set.of()))));
            pieces.add(sql(DualWriteSql.createFunction(r.table(), from, to), false));
            pieces.add(sql(DualWriteSql.createTrigger(r.table(), from, to), false));
            pieces.add(backfill(DualWriteSql.backfill(r.table(), from, to)));
            pieces.add(ops(blocks(r.notNull(), safety)));
        }
        for (Retype r : split.retypes()) {
            String column = r.column();
            String shadow = r.shadowName();
            pieces.add(transaction(List.of(new AddColumn(r.table(), r.shadow(), Set.of()))));
            converting(pieces, r);
            pieces.add(backfill(DualWriteSql.convertingBackfill(
                    r.table(), column, shadow, r.from().type(), r.to().type())));
            // on the shadow, always in the lock-safe forms: the table is live, the point of the two steps
            pieces.add(ops(OnlineForms.of(r.onShadow())));
        }
        // after the new columns: an index or constraint the plan builds on one of them needs it filled
        pieces.add(ops(blocks(split.rest().upgrade(), safety)));
        return pieces;
    }

    private static List<MigrationWriter.Piece> expandDown(ExpandContract split, Safety safety) {
        List<MigrationWriter.Piece> pieces = new ArrayList<>();
        pieces.add(ops(blocks(split.rest().downgrade(), safety)));
        for (Retype r : reversed(split.retypes())) {
            pieces.add(sql(DualWriteSql.dropTrigger(r.table(), r.column(), r.shadowName()), false));
            pieces.add(sql(DualWriteSql.dropFunction(r.table(), r.column(), r.shadowName()), false));
            // its indexes, unique constraints and check go with it
            pieces.add(transaction(List.of(new DropColumn(r.table(), r.shadow(), Set.of()))));
        }
        for (ExpandContract.Rename r : reversed(split.renames())) {
            pieces.add(sql(DualWriteSql.dropTrigger(r.table(), r.from().name(), r.to().name()), false));
            pieces.add(sql(DualWriteSql.dropFunction(r.table(), r.from().name(), r.to().name()), false));
            pieces.add(transaction(List.of(new DropColumn(r.table(), r.to().withDefault(null), Set.of()))));
        }
        return pieces;
    }

    private static List<MigrationWriter.Piece> contractUp(ExpandContract split) {
        List<MigrationWriter.Piece> pieces = new ArrayList<>();
        for (ExpandContract.Rename r : split.renames()) {
            pieces.add(sql(DualWriteSql.dropTrigger(r.table(), r.from().name(), r.to().name()), false));
            pieces.add(sql(DualWriteSql.dropFunction(r.table(), r.from().name(), r.to().name()), false));
            List<Op> ops = new ArrayList<>(r.setDefault());
            ops.add(new DropColumn(r.table(), r.from(), Set.of()));
            pieces.add(transaction(ops));
        }
        for (Retype r : split.retypes()) {
            pieces.add(sql(DualWriteSql.dropTrigger(r.table(), r.column(), r.shadowName()), false));
            pieces.add(sql(DualWriteSql.dropFunction(r.table(), r.column(), r.shadowName()), false));
            List<Op> run = new ArrayList<>();
            for (Op op : r.contract()) {
                if (!(op instanceof RenameColumn)) {
                    run.add(op);
                    continue;
                }
                if (!run.isEmpty()) pieces.add(transaction(List.copyOf(run)));
                run.clear();
                pieces.add(new MigrationWriter.Piece.Waived(op, "rename", SWAP_WAIVER));
            }
            if (!run.isEmpty()) pieces.add(transaction(run));
        }
        return pieces;
    }

    /** Back to the expand step's state: the old column added again, kept equal by the trigger, copied back. */
    private static List<MigrationWriter.Piece> contractDown(ExpandContract split) {
        List<MigrationWriter.Piece> pieces = new ArrayList<>();
        uncontract(pieces, split);
        for (ExpandContract.Rename r : reversed(split.renames())) {
            String from = r.from().name();
            String to = r.to().name();
            List<Op> add = new ArrayList<>(Plan.of(r.setDefault()).downgrade());
            add.add(new AddColumn(r.table(), r.readded(), Set.of()));
            pieces.add(transaction(add));
            pieces.add(sql(DualWriteSql.createFunction(r.table(), from, to), false));
            pieces.add(sql(DualWriteSql.createTrigger(r.table(), from, to), false));
            pieces.add(backfill(DualWriteSql.backfill(r.table(), to, from)));
            pieces.add(ops(blocks(r.restoreOld(), Safety.ONLINE)));
        }
        return pieces;
    }

    /** Back to the expand step's state for type changes: the shadow named back, the column added again and copied back. */
    private static void uncontract(List<MigrationWriter.Piece> pieces, ExpandContract split) {
        for (Retype r : reversed(split.retypes())) {
            String column = r.column();
            String shadow = r.shadowName();
            DualWriteSql.guard(r.table(), column, r.to().type(), r.from().type())
                    .ifPresent(guard -> pieces.add(new MigrationWriter.Piece.Sql(guard, false, GUARD_WAIVERS)));
            pieces.add(ops(OnlineForms.of(r.uncontract())));
            converting(pieces, r);
            pieces.add(backfill(DualWriteSql.convertingBackfill(
                    r.table(), shadow, column, r.to().type(), r.from().type())));
            pieces.add(ops(OnlineForms.of(r.restore())));
        }
    }

    /** The one-way trigger function that converts the column into its shadow, and its trigger. */
    private static void converting(List<MigrationWriter.Piece> pieces, Retype r) {
        pieces.add(sql(
                DualWriteSql.createConversionFunction(
                        r.table(), r.column(), r.shadowName(), r.from().type(), r.to().type()),
                false));
        pieces.add(sql(DualWriteSql.createTrigger(r.table(), r.column(), r.shadowName()), false));
    }

    private static List<OnlineForms.Block> blocks(List<Op> ops, Safety safety) {
        return safety == Safety.ONLINE ? OnlineForms.of(ops) : OnlineForms.plain(ops);
    }

    private static MigrationWriter.Piece ops(List<OnlineForms.Block> blocks) {
        return new MigrationWriter.Piece.Ops(blocks);
    }

    /** Operations that run in the migration's transaction in their plain forms: on a column no release reads yet. */
    private static MigrationWriter.Piece transaction(List<Op> ops) {
        return ops(List.of(new OnlineForms.Block(false, ops)));
    }

    private static MigrationWriter.Piece sql(String statement, boolean autocommit) {
        return new MigrationWriter.Piece.Sql(statement, autocommit, List.of());
    }

    private static MigrationWriter.Piece backfill(String statement) {
        return new MigrationWriter.Piece.Sql(statement, true, BACKFILL_WAIVERS);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
