package dev.retort.diff;

import dev.retort.op.AddEnumCasts;
import dev.retort.op.AlterEnum;
import dev.retort.op.CreateEnum;
import dev.retort.op.DropEnum;
import dev.retort.op.DropEnumCasts;
import dev.retort.op.Op;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enum types: created, dropped, their labels changed, and their casts with {@code varchar} added or
 * dropped as operations of their own, so that a type is created and dropped without them.
 */
final class EnumDiffer {
    private EnumDiffer() {}

    static List<Op> diff(List<EnumType> current, List<EnumType> target) {
        List<Op> ops = new ArrayList<>();
        Map<QualifiedName, EnumType> currentByName = Differ.byName(current, EnumType::name);
        Map<QualifiedName, EnumType> targetByName = Differ.byName(target, EnumType::name);
        for (EnumType type : target) {
            EnumType existing = currentByName.get(type.name());
            if (existing == null) {
                ops.add(new CreateEnum(type.withCasts(Set.of())));
                if (!type.casts().isEmpty()) ops.add(new AddEnumCasts(type.name(), type.casts()));
                continue;
            }
            Set<EnumType.Cast> dropped = new HashSet<>(existing.casts());
            dropped.removeAll(type.casts());
            Set<EnumType.Cast> added = new HashSet<>(type.casts());
            added.removeAll(existing.casts());
            // casts change on their own, dropped before the labels change and added after: the labels
            // change with the casts both sides have, which a rebuilt type takes along
            if (!existing.sameLabels(type)) {
                Set<EnumType.Cast> kept = new HashSet<>(existing.casts());
                kept.retainAll(type.casts());
                ops.add(new AlterEnum(existing.withCasts(kept), type.withCasts(kept)));
            }
            if (!dropped.isEmpty()) ops.add(new DropEnumCasts(type.name(), dropped));
            if (!added.isEmpty()) ops.add(new AddEnumCasts(type.name(), added));
        }
        for (EnumType type : current) {
            if (targetByName.containsKey(type.name())) continue;
            if (!type.casts().isEmpty()) ops.add(new DropEnumCasts(type.name(), type.casts()));
            ops.add(new DropEnum(type.withCasts(Set.of())));
        }
        return ops;
    }
}
