package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.CreateSequence;
import dev.retort.op.DropSequence;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** The statements that create, drop and change standalone sequences. */
final class SequenceSql {
    private SequenceSql() {}

    static List<String> create(CreateSequence op) {
        return List.of("CREATE SEQUENCE " + table(op.sequence().name()) + " START WITH "
                + op.sequence().start() + " INCREMENT BY " + op.sequence().increment());
    }

    static List<String> drop(DropSequence op) {
        return List.of("DROP SEQUENCE " + table(op.sequence().name()));
    }

    static List<String> alterOwner(AlterSequenceOwner op) {
        String owner = op.to() == null
                ? "NONE"
                : table(new QualifiedName(op.sequence().schema(), op.to().table())) + "."
                        + quote(op.to().column());
        return List.of("ALTER SEQUENCE " + table(op.sequence()) + " OWNED BY " + owner);
    }

    static List<String> alter(AlterSequence op) {
        return List.of("ALTER SEQUENCE " + table(op.to().name()) + " START WITH "
                + op.to().start() + " INCREMENT BY " + op.to().increment());
    }
}
