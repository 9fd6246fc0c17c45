package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.op.AlterType;
import dev.retort.op.CreateType;
import dev.retort.op.DropType;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The statements that create, change and drop composite types. */
final class TypeSql {
    private TypeSql() {}

    static List<String> create(CreateType op) {
        CompositeType type = op.type();
        return List.of("CREATE TYPE " + table(type.name()) + " AS ("
                + type.attributes().stream().map(TypeSql::definition).collect(Collectors.joining(", ")) + ")");
    }

    static List<String> drop(DropType op) {
        return List.of("DROP TYPE " + table(op.type().name()));
    }

    /** One {@code ALTER TYPE} with its attributes dropped, then changed, then added, in {@link AlterType#changes}' order. */
    static List<String> alter(AlterType op) {
        AlterType.Changes changes = op.changes();
        List<String> actions = new ArrayList<>();
        for (Attribute dropped : changes.dropped()) actions.add("DROP ATTRIBUTE " + quote(dropped.name()));
        for (Attribute retyped : changes.retyped())
            actions.add("ALTER ATTRIBUTE " + quote(retyped.name()) + " TYPE " + typeAndCollation(retyped));
        for (Attribute added : changes.added()) actions.add("ADD ATTRIBUTE " + definition(added));
        return List.of("ALTER TYPE " + table(op.to().name()) + " " + String.join(", ", actions));
    }

    private static String definition(Attribute attribute) {
        return quote(attribute.name()) + " " + typeAndCollation(attribute);
    }

    private static String typeAndCollation(Attribute attribute) {
        String type = VisibleExpression.of(attribute.sqlType());
        return attribute.collation() == null ? type : type + " COLLATE " + VisibleExpression.of(attribute.collation());
    }
}
