package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Column;
import dev.retort.schema.Narrowing;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Changes a column from one whole definition to another (type, nullability, identity). */
public record AlterColumn(QualifiedName table, Column from, Column to, boolean reapply, Using using)
        implements ColumnChange {
    /**
     * @param reapply set the type and default again even where they do not differ (a comparison
     *                hook found a difference Retort's own comparison does not see)
     * @param using   the hand-written conversion of a type change PostgreSQL has no cast for, or null
     *                for PostgreSQL's own cast
     */
    public AlterColumn {
        requireNonNull(table, "table");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException(
                    "alter column " + table + "." + from.name() + " cannot rename to " + to.name());
        }
        if (from.sameAs(to) && !reapply)
            throw new IllegalArgumentException("alter column " + table + "." + from.name() + " changes nothing");
        if (using != null && from.type().equals(to.type()) && !reapply)
            throw new IllegalArgumentException(
                    "alter column " + table + "." + from.name() + ": USING without a type change");
    }

    public AlterColumn(QualifiedName table, Column from, Column to, boolean reapply) {
        this(table, from, to, reapply, null);
    }

    public AlterColumn(QualifiedName table, Column from, Column to) {
        this(table, from, to, false);
    }

    /** This change with a hand-written conversion (null for PostgreSQL's own cast). */
    public AlterColumn withUsing(Using newUsing) {
        return new AlterColumn(table, from, to, reapply, newUsing);
    }

    public String columnName() {
        return to.name();
    }

    public boolean typeChanged() {
        return reapply || !from.type().equals(to.type());
    }

    public boolean nullabilityChanged() {
        return from.nullable() != to.nullable();
    }

    /** Whether the identity's kind or its sequence options change. */
    public boolean identityChanged() {
        return from.identity() != to.identity() || !from.identityOptions().equals(to.identityOptions());
    }

    public boolean commentChanged() {
        return !Objects.equals(from.comment(), to.comment());
    }

    public boolean generatedChanged() {
        return !Objects.equals(from.generatedKey(), to.generatedKey());
    }

    /**
     * Whether the column must be dropped and added again: PostgreSQL cannot make a plain column
     * generated or change a generation expression in place (before 17); it can only drop one.
     */
    public boolean rebuilds() {
        return to.generated() != null && generatedChanged();
    }

    public boolean collationChanged() {
        return !Objects.equals(from.collation(), to.collation());
    }

    public boolean defaultChanged() {
        return !Objects.equals(from.defaultKey(), to.defaultKey());
    }

    @Override
    public AlterColumn reverse() {
        return new AlterColumn(table, to, from, reapply, using == null ? null : using.reversed());
    }

    @Override
    public List<Hazard> hazards() {
        String where = table + "." + columnName();
        List<Hazard> hazards = new ArrayList<>();
        if (using != null && using.toBeWritten()) {
            hazards.add(new Hazard(
                    Hazard.Kind.NEEDS_USING,
                    "type " + from.type() + " -> " + to.type() + " of " + where
                            + " has no cast PostgreSQL can apply: its USING expression is to be written by hand"
                            + " (Using.of(\"...\") in place of Using.TO_BE_WRITTEN); until then it fails"
                            + " before anything changes"));
        }
        switch (Types.classify(from.type(), to.type())) {
            case LOSSY -> {
                if (Narrowing.rounds(from.type(), to.type())) {
                    hazards.add(new Hazard(
                            Hazard.Kind.FAILS_ON_DATA,
                            "type " + from.type() + " -> " + to.type() + " of " + where
                                    + " fails, before anything changes, if a value would be cut or rounded"));
                } else {
                    hazards.add(new Hazard(
                            Hazard.Kind.DATA_LOSS,
                            "type " + from.type() + " -> " + to.type() + " of " + where
                                    + " may cut or fail to convert values"));
                }
                hazards.add(
                        new Hazard(Hazard.Kind.TABLE_REWRITE, "changing the type of " + where + " rewrites the table"));
            }
            case WIDENING_REWRITE ->
                hazards.add(
                        new Hazard(Hazard.Kind.TABLE_REWRITE, "changing the type of " + where + " rewrites the table"));
            case NONE, WIDENING_IN_PLACE -> {}
        }
        if (typeChanged() && Narrowing.readsTimeZone(from.type(), to.type())) {
            hazards.add(new Hazard(
                    Hazard.Kind.DATA_LOSS,
                    "type " + from.type() + " -> " + to.type() + " of " + where
                            + " reads the values in the migration's time zone (the timezone setting, UTC by default)"));
        }
        if (rebuilds()) {
            if (from.generated() == null) {
                hazards.add(new Hazard(
                        Hazard.Kind.DATA_LOSS, "the values of " + where + " are replaced by the generated ones"));
            }
            hazards.add(new Hazard(
                    Hazard.Kind.TABLE_REWRITE, "adding the generated column " + where + " again rewrites the table"));
        } else if (collationChanged()) {
            hazards.add(new Hazard(
                    Hazard.Kind.LONG_LOCK,
                    "changing the collation of " + where + " rebuilds its indexes under an exclusive lock"));
        }
        if (from.nullable() && !to.nullable()) {
            hazards.add(new Hazard(
                    Hazard.Kind.LONG_LOCK,
                    "SET NOT NULL on " + where
                            + " scans the table under an exclusive lock and fails if it holds nulls"));
        }
        return List.copyOf(hazards);
    }
}
