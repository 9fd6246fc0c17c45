package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.CreateSequence;
import dev.retort.op.DropSequence;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The statements that create, drop and change standalone sequences. */
final class SequenceSql {
    private SequenceSql() {}

    /** {@code CREATE [UNLOGGED] SEQUENCE} with the options that are not PostgreSQL's defaults (start and increment always). */
    static List<String> create(CreateSequence op) {
        Sequence s = op.sequence();
        StringBuilder sql = new StringBuilder(s.unlogged() ? "CREATE UNLOGGED SEQUENCE " : "CREATE SEQUENCE ")
                .append(table(s.name()));
        if (!s.type().equals(Sequence.DEFAULT_TYPE)) sql.append(" AS ").append(s.type());
        sql.append(" START WITH ").append(s.start()).append(" INCREMENT BY ").append(s.increment());
        if (s.minValue() != null) sql.append(" MINVALUE ").append(s.minValue());
        if (s.maxValue() != null) sql.append(" MAXVALUE ").append(s.maxValue());
        if (s.cache() != 1) sql.append(" CACHE ").append(s.cache());
        if (s.cycle()) sql.append(" CYCLE");
        return List.of(sql.toString());
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

    /**
     * One {@code ALTER SEQUENCE} with every option that changes, so that PostgreSQL checks the new
     * type, start and bounds together (a new start below the old minimum is fine with the new one).
     * When the bound the sequence starts from moves in (a higher minimum for an ascending one), its
     * current value may lie outside, which PostgreSQL refuses: then, and only when it does, the
     * sequence restarts at its new start, past every value it has given. A change of persistence is
     * {@code ALTER SEQUENCE ... SET LOGGED} or {@code SET UNLOGGED} after it.
     */
    static List<String> alter(AlterSequence op) {
        List<String> statements = new ArrayList<>(options(op));
        if (op.from().unlogged() != op.to().unlogged())
            statements.add(
                    "ALTER SEQUENCE " + table(op.to().name()) + (op.to().unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
        return statements;
    }

    private static List<String> options(AlterSequence op) {
        Sequence from = op.from();
        Sequence to = op.to();
        if (from.withUnlogged(to.unlogged()).equals(to)) return List.of();
        List<String> clauses = new ArrayList<>();
        if (!from.type().equals(to.type())) clauses.add("AS " + to.type());
        if (from.start() != to.start()) clauses.add("START WITH " + to.start());
        if (from.increment() != to.increment()) clauses.add("INCREMENT BY " + to.increment());
        if (!Objects.equals(from.minValue(), to.minValue()) || from.effectiveMin() != to.effectiveMin())
            clauses.add(to.minValue() == null ? "NO MINVALUE" : "MINVALUE " + to.minValue());
        if (!Objects.equals(from.maxValue(), to.maxValue()) || from.effectiveMax() != to.effectiveMax())
            clauses.add(to.maxValue() == null ? "NO MAXVALUE" : "MAXVALUE " + to.maxValue());
        if (from.cache() != to.cache()) clauses.add("CACHE " + to.cache());
        if (from.cycle() != to.cycle()) clauses.add(to.cycle() ? "CYCLE" : "NO CYCLE");
        String alter = "ALTER SEQUENCE " + table(to.name()) + " " + String.join(" ", clauses);
        boolean ascending = to.increment() > 0;
        boolean startsInside =
                ascending ? to.effectiveMin() <= from.effectiveMin() : to.effectiveMax() >= from.effectiveMax();
        if (startsInside) return List.of(alter);
        String outside = ascending ? "< " + to.effectiveMin() : "> " + to.effectiveMax();
        String body = " BEGIN IF (SELECT last_value FROM " + table(to.name()) + ") " + outside + " THEN " + alter
                + " RESTART; ELSE " + alter + "; END IF; END ";
        String tag = "$retort$";
        for (int i = 0; body.contains(tag); i++) tag = "$retort" + i + "$";
        return List.of("DO " + tag + body + tag);
    }
}
