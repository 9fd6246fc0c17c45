package dev.retort.diff;

import dev.retort.op.AlterSchemaComment;
import dev.retort.op.CreateSchema;
import dev.retort.op.DropSchema;
import dev.retort.op.Op;
import dev.retort.schema.Namespace;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Schemas as objects: created when only the target has them, their comments changed, dropped when
 * only the current side has them and the plan empties them; a schema that would still hold objects
 * Retort leaves alone refuses the plan ({@link NonEmptySchemaException}).
 */
final class NamespaceDiffer {
    private NamespaceDiffer() {}

    /** The schema operations; none when the target does not model schemas, and every one created when the current side does not. */
    static List<Op> diff(Schema current, Schema target) {
        if (target.namespaces() == null) return List.of();
        List<Namespace> currentNamespaces = current.namespaces() == null ? List.of() : current.namespaces();
        List<Op> ops = new ArrayList<>();
        Map<String, Namespace> existing = byName(currentNamespaces);
        Map<String, Namespace> wanted = byName(target.namespaces());
        for (Namespace namespace : target.namespaces()) {
            Namespace was = existing.get(namespace.name());
            if (was == null) {
                ops.add(new CreateSchema(namespace));
            } else if (!Objects.equals(was.comment(), namespace.comment())) {
                ops.add(new AlterSchemaComment(namespace.name(), was.comment(), namespace.comment()));
            }
        }
        for (Namespace namespace : currentNamespaces) {
            if (wanted.containsKey(namespace.name())) continue;
            List<Namespace.Member> left = leftBehind(namespace, current);
            if (!left.isEmpty()) throw new NonEmptySchemaException(namespace.name(), left);
            ops.add(new DropSchema(namespace));
        }
        return ops;
    }

    /**
     * What a schema would still hold once the plan has dropped every object of the current side in
     * it (the target has none there): the objects Retort leaves alone.
     */
    private static List<Namespace.Member> leftBehind(Namespace namespace, Schema current) {
        Set<String> dropped = new HashSet<>();
        current.tables().forEach(t -> add(dropped, namespace, "table", t.name()));
        current.sequences().forEach(s -> add(dropped, namespace, "sequence", s.name()));
        current.enums().forEach(e -> add(dropped, namespace, "type", e.name()));
        current.types().forEach(t -> add(dropped, namespace, "type", t.name()));
        return namespace.members().stream()
                .filter(m -> !dropped.contains(m.kind() + " " + m.name()))
                .toList();
    }

    private static void add(Set<String> dropped, Namespace namespace, String kind, QualifiedName name) {
        if (namespace.name().equals(name.schema())) dropped.add(kind + " " + name.name());
    }

    private static Map<String, Namespace> byName(List<Namespace> namespaces) {
        return namespaces.stream().collect(Collectors.toMap(Namespace::name, Function.identity()));
    }
}
