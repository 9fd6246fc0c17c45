package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;

import dev.retort.op.AlterSchemaComment;
import dev.retort.op.CreateSchema;
import dev.retort.op.DropSchema;
import java.util.ArrayList;
import java.util.List;

/** The statements that create, drop and comment on schemas; a drop never cascades. */
final class NamespaceSql {
    private NamespaceSql() {}

    static List<String> create(CreateSchema op) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA " + quote(op.schema().name()));
        if (op.schema().comment() != null)
            statements.add(comment(op.schema().name(), op.schema().comment()));
        return statements;
    }

    static List<String> drop(DropSchema op) {
        return List.of("DROP SCHEMA " + quote(op.schema().name()));
    }

    static List<String> comment(AlterSchemaComment op) {
        return List.of(comment(op.schema(), op.to()));
    }

    private static String comment(String schema, String text) {
        return "COMMENT ON SCHEMA " + quote(schema) + " IS " + (text == null ? "NULL" : literal(text));
    }
}
