package dev.retort.diff;

import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The validity of a table's checks or foreign keys, matched by shape: a constraint that is {@code NOT
 * VALID} in the current schema and valid in the target is validated, one valid now and {@code NOT
 * VALID} in the target is made not valid again. Constraints the comparison adds anew (in another
 * shape, or under another name) are added as the target has them, so they need nothing here.
 */
final class ConstraintValidity {
    private ConstraintValidity() {}

    /** The validity operations of the matched constraints, those whose shape is not among {@code added}. */
    static <T extends TableElement> List<Op> diff(
            QualifiedName table,
            List<T> current,
            List<T> target,
            Function<T, Object> shape,
            Predicate<T> valid,
            Set<Object> added) {
        Map<Object, T> targetByShape = Differ.byName(target, shape);
        List<Op> ops = new ArrayList<>();
        for (T element : current) {
            T wanted = targetByShape.get(shape.apply(element));
            if (wanted == null || added.contains(shape.apply(element))) continue;
            if (!valid.test(element) && valid.test(wanted)) ops.add(new ValidateConstraint(table, element));
            if (valid.test(element) && !valid.test(wanted)) ops.add(new InvalidateConstraint(table, element));
        }
        return ops;
    }
}
