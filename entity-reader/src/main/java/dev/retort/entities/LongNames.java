package dev.retort.entities;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;

/**
 * Refuses a mapping that names something with more than PostgreSQL's 63 bytes: Hibernate would send the name,
 * the server would cut it, and the database would never match the mapping.
 */
final class LongNames {
    private LongNames() {}

    static Schema check(Schema schema) {
        for (Table table : schema.tables()) {
            String where = "table \"" + table.name().name() + "\"";
            if (table.name().schema() != null) name("schema", table.name().schema());
            name("table", table.name().name());
            for (Column column : table.columns()) name(where + ": column", column.name());
            if (table.primaryKey() != null)
                name(where + ": primary key", table.primaryKey().name());
            for (UniqueConstraint unique : table.uniques()) name(where + ": unique constraint", unique.name());
            for (ForeignKey key : table.foreignKeys()) name(where + ": foreign key", key.name());
            for (CheckConstraint check : table.checks()) name(where + ": check constraint", check.name());
            for (Index index : table.indexes()) name(where + ": index", index.name());
        }
        for (Sequence sequence : schema.sequences())
            name("sequence", sequence.name().name());
        for (EnumType type : schema.enums()) name("enum type", type.name().name());
        return schema;
    }

    private static void name(String what, String name) {
        if (name == null) return;
        int bytes = DefaultNames.bytes(name);
        if (bytes <= DefaultNames.MAX_IDENTIFIER_BYTES) return;
        throw new EntityException("entities: " + what + " \"" + name + "\" is " + bytes
                + " bytes long: PostgreSQL keeps " + DefaultNames.MAX_IDENTIFIER_BYTES + " and would cut it to \""
                + DefaultNames.truncate(name, DefaultNames.MAX_IDENTIFIER_BYTES)
                + "\", so the database would never match the mapping; give it a name of at most "
                + DefaultNames.MAX_IDENTIFIER_BYTES + " bytes");
    }
}
