package dev.retort.diff;

import static java.util.Objects.requireNonNull;

import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A column's type change on a table that exists, run as a shadow column a release apart: the
 * expand step adds the shadow ({@code <column>_new}) with the new type, fills it and builds on it
 * the database's indexes and unique constraints that involve the column, under temporary names;
 * the contract step drops the column and gives the shadow its name, its {@code NOT NULL}, its
 * default and the indexes' and constraints' names. {@code indexes} and {@code uniques} are the
 * database's, as they are on the column.
 */
public record Retype(QualifiedName table, Column from, Column to, List<Index> indexes, List<UniqueConstraint> uniques) {
    public Retype {
        requireNonNull(table, "table");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        indexes = List.copyOf(requireNonNull(indexes, "indexes"));
        uniques = List.copyOf(requireNonNull(uniques, "uniques"));
    }

    /** The shadow column's name: {@code <column>_new}, shortened with a hash past 63 bytes. */
    public static String shadowName(String column) {
        return DefaultNames.shortened(column + "_new");
    }

    /** An index's or constraint's name while it is on the shadow column. */
    public static String temporaryName(String name) {
        return DefaultNames.shortened(name + "_new");
    }

    public String column() {
        return from.name();
    }

    public String shadowName() {
        return shadowName(column());
    }

    /** The shadow column as the expand step adds it: the new type, nullable and without a default. */
    public Column shadow() {
        return to.withName(shadowName()).withNullable(true).withDefault(null);
    }

    /** The check that proves the shadow holds no null, validated in the expand step, for the contract's {@code SET NOT NULL}. */
    public CheckConstraint notNullCheck() {
        return OnlineForms.notNullCheck(table, shadowName());
    }

    /** What the expand step builds on the shadow once it is filled: the {@code NOT NULL} check, the indexes, the unique constraints. */
    public List<Op> onShadow() {
        List<Op> ops = new ArrayList<>();
        if (!to.nullable()) ops.add(new AddCheck(table, notNullCheck()));
        for (Index index : indexes) ops.add(new CreateIndex(table, shadowIndex(index)));
        for (UniqueConstraint unique : uniques) ops.add(new AddUnique(table, shadowUnique(unique)));
        return ops;
    }

    /** The contract step, after the trigger goes: the column dropped, the shadow renamed to it and given what the entities say. */
    public List<Op> contract() {
        List<Op> ops = new ArrayList<>();
        ops.add(new DropColumn(table, from, Set.of()));
        ops.add(new RenameColumn(table, shadowName(), column()));
        Column renamed = shadow().withName(column());
        if (!to.nullable()) {
            ops.add(new AlterColumn(table, renamed, renamed.withNullable(false)));
            ops.add(new DropCheck(table, notNullCheck()));
        }
        if (to.defaultValue() != null) ops.add(new AlterColumn(table, renamed.withNullable(to.nullable()), to));
        for (Index index : indexes) ops.add(new RenameIndex(table, temporaryName(index.name()), index.name()));
        for (UniqueConstraint unique : uniques)
            ops.add(new RenameConstraint(table, temporaryName(unique.name()), unique.name()));
        return ops;
    }

    /**
     * The contract step's downgrade up to the copy back: the names given back, the shadow renamed
     * back and made nullable again (its check added {@code NOT VALID}, validated in the online forms)
     * and the column added again, nullable and without a default.
     */
    public List<Op> uncontract() {
        List<Op> ops = new ArrayList<>();
        for (UniqueConstraint unique : uniques)
            ops.add(new RenameConstraint(table, unique.name(), temporaryName(unique.name())));
        for (Index index : indexes) ops.add(new RenameIndex(table, index.name(), temporaryName(index.name())));
        Column renamed = shadow().withName(column());
        if (to.defaultValue() != null) ops.add(new AlterColumn(table, to, renamed.withNullable(to.nullable())));
        ops.add(new RenameColumn(table, column(), shadowName()));
        if (!to.nullable()) {
            ops.add(new AddCheck(table, notNullCheck()));
            ops.add(new AlterColumn(table, shadow().withNullable(false), shadow()));
        }
        ops.add(new AddColumn(table, readded(), Set.of()));
        return ops;
    }

    /** The column as the contract's downgrade adds it back before the copy: the old type, nullable, without a default. */
    public Column readded() {
        return from.withNullable(true).withDefault(null);
    }

    /** The contract's downgrade after the copy back: the column's {@code NOT NULL}, default, indexes and unique constraints. */
    public List<Op> restore() {
        List<Op> ops = new ArrayList<>();
        if (!from.equals(readded())) ops.add(new AlterColumn(table, readded(), from));
        for (Index index : indexes) ops.add(new CreateIndex(table, index));
        for (UniqueConstraint unique : uniques) ops.add(new AddUnique(table, unique));
        return ops;
    }

    private Index shadowIndex(Index index) {
        List<Index.Key> keys = index.keys().stream()
                .map(k -> k.column().equals(column())
                        ? new Index.Key(shadowName(), k.descending(), k.nullsFirst(), k.opclass())
                        : k)
                .toList();
        return index.withKeys(keys)
                .withInclude(shadowed(index.include()))
                .named(temporaryName(index.name()))
                .withImplicitName(false);
    }

    private UniqueConstraint shadowUnique(UniqueConstraint unique) {
        return new UniqueConstraint(
                temporaryName(unique.name()), shadowed(unique.columns()), unique.nullsNotDistinct());
    }

    private List<String> shadowed(List<String> columns) {
        return columns.stream().map(c -> c.equals(column()) ? shadowName() : c).toList();
    }
}
