package dev.retort.diff;

import dev.retort.op.AlterType;
import dev.retort.op.CreateType;
import dev.retort.op.DropType;
import dev.retort.op.Op;
import dev.retort.schema.CompositeType;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Composite types: created, dropped, or their attributes changed in place. */
final class CompositeDiffer {
    private CompositeDiffer() {}

    static List<Op> diff(List<CompositeType> current, List<CompositeType> target) {
        List<Op> ops = new ArrayList<>();
        Map<QualifiedName, CompositeType> currentByName = Differ.byName(current, CompositeType::name);
        Map<QualifiedName, CompositeType> targetByName = Differ.byName(target, CompositeType::name);
        for (CompositeType type : target) {
            CompositeType existing = currentByName.get(type.name());
            if (existing == null) ops.add(new CreateType(type));
            else if (!existing.sameAs(type)) ops.add(new AlterType(existing, type));
        }
        for (CompositeType type : current) {
            if (!targetByName.containsKey(type.name())) ops.add(new DropType(type));
        }
        return ops;
    }
}
