package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.schema.DefaultNames;
import dev.retort.schema.QualifiedName;
import java.util.Optional;

/**
 * The SQL of an expand/contract rename: a trigger that keeps two columns of a table equal while
 * two releases of the application write one each, and the batched copy of the rows already there;
 * and of an expand/contract type change: a one-way trigger that keeps a shadow column the
 * converted value of the column the old release writes, and the batched converting copy.
 *
 * <p>The trigger runs {@code BEFORE INSERT OR UPDATE}, so a {@code NOT NULL} on either column is
 * checked after it fills the column the writer left out. On {@code INSERT}, a value in the new
 * column wins (only the new release knows it); otherwise the old column's is copied. On {@code
 * UPDATE}, a change of the new column is copied to the old one, and anything else copies the old
 * column to the new one. The expand step adds the new column without its default for this reason:
 * a default would make every old-release insert look like a new-release one.
 */
public final class DualWriteSql {
    /** Heap pages per batch of the copy: a few hundred kilobytes of rows, each batch its own transaction. */
    public static final int BATCH_PAGES = 100;

    private DualWriteSql() {}

    /** The trigger function's and the trigger's name (in the table's schema), at most 63 bytes. */
    public static String name(QualifiedName table, String oldColumn, String newColumn) {
        return DefaultNames.shortened(table.name(), oldColumn + "_" + newColumn, "sync");
    }

    /** {@code CREATE FUNCTION} of the trigger function that keeps {@code newColumn} and {@code oldColumn} equal. */
    public static String createFunction(QualifiedName table, String oldColumn, String newColumn) {
        String older = "NEW." + quote(oldColumn);
        String newer = "NEW." + quote(newColumn);
        String body = "BEGIN\n"
                + "    IF TG_OP = 'INSERT' THEN\n"
                + "        IF " + newer + " IS NULL THEN " + newer + " := " + older + "; ELSE " + older + " := "
                + newer + "; END IF;\n"
                + "    ELSIF " + newer + " IS DISTINCT FROM OLD." + quote(newColumn) + " THEN\n"
                + "        " + older + " := " + newer + ";\n"
                + "    ELSE\n"
                + "        " + newer + " := " + older + ";\n"
                + "    END IF;\n"
                + "    RETURN NEW;\n"
                + "END";
        return "CREATE FUNCTION " + function(table, oldColumn, newColumn) + "() RETURNS trigger LANGUAGE plpgsql AS "
                + dollarQuoted(body);
    }

    /** {@code CREATE TRIGGER} of the trigger on {@code table}, before each row's insert or update. */
    public static String createTrigger(QualifiedName table, String oldColumn, String newColumn) {
        return "CREATE TRIGGER " + quote(name(table, oldColumn, newColumn)) + " BEFORE INSERT OR UPDATE ON "
                + table(table) + " FOR EACH ROW EXECUTE FUNCTION " + function(table, oldColumn, newColumn) + "()";
    }

    public static String dropTrigger(QualifiedName table, String oldColumn, String newColumn) {
        return "DROP TRIGGER " + quote(name(table, oldColumn, newColumn)) + " ON " + table(table);
    }

    public static String dropFunction(QualifiedName table, String oldColumn, String newColumn) {
        return "DROP FUNCTION " + function(table, oldColumn, newColumn) + "()";
    }

    /**
     * A {@code DO} block that copies {@code from} into {@code to} in every row, {@link #BATCH_PAGES}
     * heap pages at a time by {@code ctid} range (a TID range scan from PostgreSQL 14), committing
     * after each batch, so that no transaction holds many row locks for long. It must run outside a
     * transaction (PostgreSQL 11+ allows {@code COMMIT} in a {@code DO} block only there). Rows that
     * move past the last page counted at the start are rows the copy already updated; rows written
     * meanwhile get their copy from the trigger.
     */
    public static String backfill(QualifiedName table, String from, String to) {
        return batches(table, quote(to) + " = " + quote(from), quote(to) + " IS DISTINCT FROM " + quote(from));
    }

    /**
     * {@code CREATE FUNCTION} of the trigger function of an expand/contract type change, one way:
     * on {@code INSERT}, and on an {@code UPDATE} that changes {@code column}, {@code shadow} is set
     * to {@code column}'s value converted from {@code fromType} to {@code toType} as the plain {@code
     * ALTER COLUMN ... TYPE} would convert it ({@code USING}, or the assignment cast). An update that
     * leaves {@code column} as it is leaves {@code shadow} alone, so that rows the copy has not reached
     * yet, and a copy back into an empty {@code column}, lose nothing.
     */
    public static String createConversionFunction(
            QualifiedName table, String column, String shadow, String fromType, String toType) {
        String value = "NEW." + quote(column);
        String body = "BEGIN\n"
                + "    IF TG_OP = 'INSERT' OR " + value + " IS DISTINCT FROM OLD." + quote(column) + " THEN\n"
                + "        NEW." + quote(shadow) + " := " + TypeConversion.converted(value, fromType, toType) + ";\n"
                + "    END IF;\n"
                + "    RETURN NEW;\n"
                + "END";
        return "CREATE FUNCTION " + function(table, column, shadow) + "() RETURNS trigger LANGUAGE plpgsql AS "
                + dollarQuoted(body);
    }

    /**
     * A {@code DO} block that fills {@code to} (of type {@code toType}) from {@code from} (of type
     * {@code fromType}) in every row where it is still null, converted as the type change converts,
     * in batches as {@link #backfill}; run again after a failure, it takes up the rows left.
     */
    public static String convertingBackfill(
            QualifiedName table, String from, String to, String fromType, String toType) {
        return batches(
                table,
                quote(to) + " = " + TypeConversion.converted(quote(from), fromType, toType),
                quote(to) + " IS NULL AND " + quote(from) + " IS NOT NULL");
    }

    /**
     * The statement that fails, before anything changes, when a value of {@code column} would be cut
     * or rounded by converting it from {@code fromType} to {@code toType} (the copy back of an
     * expand/contract type change's downgrade); nothing when that conversion keeps every value.
     */
    public static Optional<String> guard(QualifiedName table, String column, String fromType, String toType) {
        return TypeConversion.guard(table, column, fromType, toType);
    }

    private static String batches(QualifiedName table, String set, String where) {
        String body = "DECLARE\n"
                + "    last_page bigint := pg_catalog.pg_relation_size(" + literal(table(table))
                + "::pg_catalog.regclass)"
                + " / pg_catalog.current_setting('block_size')::bigint;\n"
                + "    low bigint := 0;\n"
                + "BEGIN\n"
                + "    WHILE low <= last_page LOOP\n"
                + "        UPDATE " + table(table) + " SET " + set
                + " WHERE ctid >= pg_catalog.format('(%s,0)', low)::tid"
                + " AND ctid < pg_catalog.format('(%s,0)', low + " + BATCH_PAGES + ")::tid"
                + " AND " + where + ";\n"
                + "        COMMIT;\n"
                + "        low := low + " + BATCH_PAGES + ";\n"
                + "    END LOOP;\n"
                + "END";
        return "DO " + dollarQuoted(body);
    }

    private static String function(QualifiedName table, String oldColumn, String newColumn) {
        return table(new QualifiedName(table.schema(), name(table, oldColumn, newColumn)));
    }

    /** The body between dollar quotes whose tag it does not contain (a quoted name may hold {@code $sync$}). */
    private static String dollarQuoted(String body) {
        String tag = "$sync$";
        for (int i = 1; body.contains(tag); i++) tag = "$sync" + i + "$";
        return tag + "\n" + body + "\n" + tag;
    }
}
