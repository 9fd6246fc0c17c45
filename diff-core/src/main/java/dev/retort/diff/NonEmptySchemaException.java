package dev.retort.diff;

import dev.retort.RetortException;
import dev.retort.schema.Namespace;
import java.util.List;

/**
 * A plan refused because the target lacks a schema that would still hold objects Retort leaves
 * alone (views, functions, partitions, tables filtered out, ...) once the plan had run: Retort never
 * drops them, so the schema cannot go, and leaving it would not give the target. Keeps the schema
 * and those objects.
 */
public final class NonEmptySchemaException extends RetortException {
    private final String schema;
    private final List<Namespace.Member> members;

    NonEmptySchemaException(String schema, List<Namespace.Member> members) {
        super("schema " + schema + " is not in the target, but it holds " + shown(members)
                + ", which Retort leaves alone: refusing a plan that would have to drop schema " + schema);
        this.schema = schema;
        this.members = List.copyOf(members);
    }

    private static String shown(List<Namespace.Member> members) {
        String first = members.get(0).kind() + " " + members.get(0).shown();
        return members.size() == 1 ? first : first + " and " + (members.size() - 1) + " more";
    }

    public String schema() {
        return schema;
    }

    /** The objects the schema would still hold. */
    public List<Namespace.Member> members() {
        return members;
    }
}
