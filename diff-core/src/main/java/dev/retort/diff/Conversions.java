package dev.retort.diff;

import dev.retort.op.AlterColumn;
import dev.retort.op.Op;
import dev.retort.op.Using;
import dev.retort.schema.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A plan's type changes that PostgreSQL has no cast for, made to refuse to guess: each is given a
 * {@code USING} still to be written ({@link Using#TO_BE_WRITTEN}), both ways when either way has no
 * cast, so that its migration names the conversion a person must write and fails, until then, before
 * anything changes. Which pairs convert is the database's to say (its catalog, read once per run).
 */
public final class Conversions {
    private Conversions() {}

    /** The types the plan's type changes convert between, which a catalog is asked about. */
    public static Set<String> types(Plan plan) {
        Set<String> types = new LinkedHashSet<>();
        for (Op op : plan.upgrade()) {
            if (op instanceof AlterColumn a && converts(a)) {
                types.add(a.from().type());
                types.add(a.to().type());
            }
        }
        return types;
    }

    /** The plan, each type change that {@code casts} does not convert, either way, marked; the order is kept. */
    public static Plan mark(Plan plan, BiPredicate<String, String> casts) {
        List<Op> marked = new ArrayList<>(plan.upgrade().size());
        for (Op op : plan.upgrade()) {
            if (op instanceof AlterColumn a
                    && converts(a)
                    && !(casts.test(a.from().type(), a.to().type())
                            && casts.test(a.to().type(), a.from().type())))
                marked.add(a.withUsing(Using.TO_BE_WRITTEN));
            else marked.add(op);
        }
        return new Plan(marked);
    }

    /** Whether the change converts stored values from one base type to another with PostgreSQL's own cast. */
    private static boolean converts(AlterColumn a) {
        return a.using() == null
                && !a.rebuilds()
                && !Types.baseName(a.from().type()).equals(Types.baseName(a.to().type()));
    }
}
