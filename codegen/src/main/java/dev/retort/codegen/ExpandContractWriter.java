package dev.retort.codegen;

import com.palantir.javapoet.JavaFile;
import dev.retort.diff.ExpandContract;
import dev.retort.diff.OnlineForms;
import dev.retort.diff.Plan;
import dev.retort.op.AddColumn;
import dev.retort.op.DropColumn;
import dev.retort.op.Op;
import dev.retort.postgres.DualWriteSql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Renders a plan's column renames as two migration classes deployed a release apart: the expand
 * one adds each new column, keeps it equal to the old one with a trigger while the old and the new
 * release both write, copies the rows in batches and sets {@code NOT NULL}; the contract one drops
 * the trigger and the old column. The rest of the plan goes in the expand one, in {@code safety}'s
 * forms, after the new columns (an index the plan builds on one needs it there). A pure function, as {@link MigrationWriter}.
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

    private ExpandContractWriter() {}

    /** The expand class, then the contract class. */
    public static List<JavaFile> write(
            String packageName, RevisionHeader expand, RevisionHeader contract, ExpandContract split, Safety safety) {
        return List.of(
                MigrationWriter.write(
                        packageName, expand, EXPAND_NOTE, expandUp(split, safety), expandDown(split, safety)),
                MigrationWriter.write(packageName, contract, CONTRACT_NOTE, contractUp(split), contractDown(split)));
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
        // after the new columns: an index or constraint the plan builds on one of them needs it filled
        pieces.add(ops(blocks(split.rest().upgrade(), safety)));
        return pieces;
    }

    private static List<MigrationWriter.Piece> expandDown(ExpandContract split, Safety safety) {
        List<MigrationWriter.Piece> pieces = new ArrayList<>();
        pieces.add(ops(blocks(split.rest().downgrade(), safety)));
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
        return pieces;
    }

    /** Back to the expand step's state: the old column added again, kept equal by the trigger, copied back. */
    private static List<MigrationWriter.Piece> contractDown(ExpandContract split) {
        List<MigrationWriter.Piece> pieces = new ArrayList<>();
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
