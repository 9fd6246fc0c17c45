package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbSql.refused;
import static dev.retort.mariadb.MariaDbSql.table;

import dev.retort.op.AlterSequence;
import dev.retort.op.CreateSequence;
import dev.retort.op.DropSequence;
import dev.retort.schema.Sequence;
import java.util.List;

/**
 * {@code CREATE}, {@code ALTER} and {@code DROP SEQUENCE} (MariaDB 10.3+). Every option is written, so a
 * sequence does not take MariaDB's defaults where they differ from the model's ({@link CatalogSequences}):
 * the model's cache of 1 is {@code NOCACHE}, a null bound the direction's default, written out. MariaDB
 * 10.11's sequences are {@code bigint} (no {@code AS}) and have no owner; those are refused.
 */
final class SequenceSql {
    private SequenceSql() {}

    static List<String> create(CreateSequence op) {
        return List.of("CREATE SEQUENCE " + table(op.sequence().name()) + options(op.sequence()));
    }

    static List<String> alter(AlterSequence op) {
        return List.of("ALTER SEQUENCE " + table(op.to().name()) + options(op.to()));
    }

    static List<String> drop(DropSequence op) {
        return List.of("DROP SEQUENCE " + table(op.sequence().name()));
    }

    /** The model's null bound as MariaDB's default for the direction (its {@code NO MINVALUE} is an ascending one's). */
    private static long minValue(Sequence sequence) {
        if (sequence.minValue() != null) return sequence.minValue();
        return sequence.increment() > 0 ? 1 : Long.MIN_VALUE + 1;
    }

    private static long maxValue(Sequence sequence) {
        if (sequence.maxValue() != null) return sequence.maxValue();
        return sequence.increment() > 0 ? Long.MAX_VALUE - 1 : -1;
    }

    private static String options(Sequence sequence) {
        if (!Sequence.DEFAULT_TYPE.equals(sequence.type()))
            throw refused("sequences of type " + sequence.type() + " (sequence " + sequence.name()
                    + "): MariaDB 10.11's are bigint");
        if (sequence.ownedBy() != null)
            throw refused("sequence owners (sequence " + sequence.name() + " owned by " + sequence.ownedBy() + ")");
        if (sequence.unlogged()) throw refused("unlogged sequences (sequence " + sequence.name() + ")");
        return " START WITH " + sequence.start()
                + " INCREMENT BY " + sequence.increment()
                + " MINVALUE " + minValue(sequence)
                + " MAXVALUE " + maxValue(sequence)
                + (sequence.cache() <= 1 ? " NOCACHE" : " CACHE " + sequence.cache())
                + (sequence.cycle() ? " CYCLE" : " NOCYCLE");
    }
}
