package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.op.AlterColumn;
import dev.retort.schema.Narrowing;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Types;
import java.util.Optional;
import java.util.Set;

/**
 * How a column's type change is spelled so that no value changes silently: {@code USING} only
 * where PostgreSQL has no assignment cast for the pair (an explicit cast would cut strings and
 * round numbers where the assignment cast refuses them), and, before a conversion that even the
 * assignment cast makes silently ({@link Narrowing}), a guard that fails naming the table, the
 * column and how many rows would change.
 *
 * <p>The casts are PostgreSQL 15's built-in implicit and assignment casts ({@code pg_cast} with
 * {@code castcontext} {@code i} or {@code a}), plus the automatic I/O conversion of every type to
 * the string types, which is an assignment cast too; they are decided from the type pair alone, so
 * offline scripts get the same SQL as a connected run.
 */
final class TypeConversion {
    /** Source and target base names, as {@link Types#baseName} spells them. */
    private static final Set<String> ASSIGNMENT = Set.of(
            "bigint>double precision",
            "bigint>integer",
            "bigint>numeric",
            "bigint>real",
            "bigint>smallint",
            "bit>varbit",
            "varbit>bit",
            "char>varchar",
            "varchar>char",
            "cidr>inet",
            "inet>cidr",
            "date>timestamptz",
            "date>timestamp",
            "double precision>bigint",
            "double precision>integer",
            "double precision>numeric",
            "double precision>real",
            "double precision>smallint",
            "integer>bigint",
            "integer>double precision",
            "integer>numeric",
            "integer>real",
            "integer>smallint",
            "interval>time",
            "json>jsonb",
            "jsonb>json",
            "money>numeric",
            "numeric>bigint",
            "numeric>double precision",
            "numeric>integer",
            "numeric>money",
            "numeric>real",
            "numeric>smallint",
            "bigint>money",
            "integer>money",
            "real>bigint",
            "real>double precision",
            "real>integer",
            "real>numeric",
            "real>smallint",
            "smallint>bigint",
            "smallint>double precision",
            "smallint>integer",
            "smallint>numeric",
            "smallint>real",
            "timetz>time",
            "time>interval",
            "time>timetz",
            "timestamptz>date",
            "timestamptz>timetz",
            "timestamptz>time",
            "timestamptz>timestamp",
            "timestamp>date",
            "timestamp>time",
            "timestamp>timestamptz");

    private static final Set<String> STRINGS = Set.of("text", "varchar", "char");

    private TypeConversion() {}

    /** The {@code USING} clause the type change needs (with its leading blank), or nothing. */
    static String using(String column, String from, String to) {
        if (!needsUsing(from, to)) return "";
        return " USING " + converted(quote(column), from, to);
    }

    /**
     * {@code value} (SQL of type {@code from}) as it is assigned to a column of type {@code to}: the
     * {@code USING} expression of the type change over it, or {@code value} itself where the
     * assignment cast converts it.
     */
    static String converted(String value, String from, String to) {
        if (!needsUsing(from, to)) return value;
        boolean viaText = !Types.isBuiltIn(from) || !Types.isBuiltIn(to);
        // the explicit cast goes to the unbounded type; PostgreSQL then applies the length or precision by assignment,
        // which refuses a value that does not fit instead of cutting it
        String target = to.endsWith("[]") || !Types.isBuiltIn(to) ? to : Types.baseName(to);
        return value + (viaText ? "::text::" : "::") + VisibleExpression.of(target);
    }

    static boolean needsUsing(String from, String to) {
        String baseA = Types.baseName(from);
        String baseB = Types.baseName(to);
        if (baseA.equals(baseB)) return false;
        if (!Types.isBuiltIn(from) || !Types.isBuiltIn(to)) return true;
        if (baseA.endsWith("[]") || baseB.endsWith("[]")) return true;
        return !ASSIGNMENT.contains(baseA + ">" + baseB) && !STRINGS.contains(baseB);
    }

    /**
     * A statement that raises, before anything changes, when a value of the column would be cut or
     * rounded by the conversion: it counts the rows whose value does not survive the round trip.
     */
    static Optional<String> guard(QualifiedName table, String column, String from, String to) {
        if (!Narrowing.rounds(from, to)) return Optional.empty();
        String value = quote(column);
        String target = VisibleExpression.of(to);
        // text read as a number or a time compares at the target's type: a round trip would differ in spelling only
        String changed = STRINGS.contains(Types.baseName(from)) && !STRINGS.contains(Types.baseName(to))
                ? value + "::" + VisibleExpression.of(Types.baseName(to)) + " IS DISTINCT FROM " + value + "::" + target
                : value + " IS DISTINCT FROM CAST(CAST(" + value + " AS " + target + ") AS "
                        + VisibleExpression.of(from) + ")";
        changed = "SELECT count(*) INTO n FROM " + table(table) + " WHERE " + changed;
        String where = ("table " + table(table) + ", column " + value + ": ").replace("%", "%%");
        String message = where + "%s row(s) would be cut or rounded by " + (from + " -> " + to).replace("%", "%%");
        String body = " DECLARE n bigint; BEGIN " + changed + "; IF n > 0 THEN RAISE EXCEPTION USING MESSAGE = "
                + "format(" + literal(message) + ", n), "
                + "ERRCODE = '22001'; END IF; END ";
        String tag = "$retort$";
        for (int i = 0; body.contains(tag); i++) tag = "$retort" + i + "$";
        return Optional.of("DO " + tag + body + tag);
    }

    /**
     * A statement that raises, before anything changes, for a type change whose {@code USING}
     * expression is still to be written ({@link dev.retort.op.Using#TO_BE_WRITTEN}), naming the table,
     * the column and the types.
     */
    static String unwritten(AlterColumn op) {
        String message =
                "table " + table(op.table()) + ", column " + quote(op.columnName()) + ": the USING expression of "
                        + op.from().type() + " -> " + op.to().type()
                        + " is still to be written (Using.TO_BE_WRITTEN): PostgreSQL has no cast for it";
        String body = " BEGIN RAISE EXCEPTION USING MESSAGE = " + literal(message) + ", ERRCODE = '42846'; END ";
        String tag = "$retort$";
        for (int i = 0; body.contains(tag); i++) tag = "$retort" + i + "$";
        return "DO " + tag + body + tag;
    }
}
