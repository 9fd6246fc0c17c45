package dev.retort.lint.internal;

import dev.retort.diff.OnlineForms;
import dev.retort.lint.Rule;
import dev.retort.mariadb.MySqlDefaults;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.runtime.Step;
import dev.retort.runtime.Waiver;
import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * MariaDB's lock rules over one operation of the DSL on a table that exists before the migration, by what MariaDB
 * 10.11 does with the statement {@code MariaDbSql} renders for it (each claim a {@code MariaDbLintFactsTest} case):
 * the online forms assert {@code LOCK=NONE}; a plain index, key or {@code NOT NULL} does not, so the server may pick a
 * locking algorithm; a check, a type change (but a varchar widening that keeps its length bytes), a plain foreign key,
 * a default filled row by row and a stored generated column copy the table while writes wait.
 */
final class MariaDbOpRules {
    private MariaDbOpRules() {}

    static void check(MigrationWalk walk, Op op, QualifiedName table, Step step, List<Waiver> waivers) {
        String on = " on existing table " + MigrationWalk.shown(table);
        if (op instanceof CreateIndex c && !c.options().contains(Option.CONCURRENTLY)) {
            walk.hit(
                    Rule.NON_CONCURRENT_INDEX,
                    "CREATE " + createIndex(walk, c.index().method(), on, DSL_INDEX_FIX),
                    step,
                    waivers);
        } else if (op instanceof DropIndex d && !d.options().contains(Option.CONCURRENTLY)) {
            walk.hit(
                    Rule.NON_CONCURRENT_INDEX,
                    "DROP INDEX" + on + " does not assert LOCK=NONE, so " + walk.server()
                            + " may block writes without saying so;"
                            + " drop it with Option.CONCURRENTLY (ALTER TABLE ... DROP INDEX ..., ALGORITHM=INPLACE,"
                            + " LOCK=NONE)",
                    step,
                    waivers);
        } else if (op instanceof AddForeignKey f) {
            if (!f.options().contains(Option.NOT_VALID) && f.key().valid() && !walk.foreignKeyChecksOff)
                walk.hit(
                        Rule.CONSTRAINT_WITHOUT_NOT_VALID,
                        "foreign key" + on + " is added by copying the table while writes wait (foreign_key_checks=1:"
                                + " ALGORITHM=COPY, LOCK=SHARED); "
                                + "add it NOT VALID (foreign_key_checks=0, LOCK=NONE) and validate it in a later"
                                + " step",
                        step,
                        waivers);
        } else if (op instanceof AddCheck c) {
            boolean onlineNotNull = !c.constraint().valid() && OnlineForms.notNullColumn(table, c.constraint()) != null;
            if (!onlineNotNull) walk.hit(Rule.CHECK_COPIES_TABLE, check(walk, c, on), step, waivers);
        } else if ((op instanceof AddUnique u && !u.options().contains(Option.USING_INDEX))
                || (op instanceof AddPrimaryKey p && !p.options().contains(Option.USING_INDEX))) {
            walk.hit(
                    Rule.UNIQUE_UNDER_LOCK,
                    (op instanceof AddUnique ? "unique constraint" : "primary key") + on
                            + " does not assert LOCK=NONE, so " + walk.server()
                            + " may block writes while it builds the"
                            + " index; "
                            + (walk.mySql && op instanceof AddPrimaryKey
                                    ? "add it in op.execute with ALGORITHM=INPLACE, LOCK=NONE (MariaDB's online primary"
                                            + " key is refused on MySQL)"
                                    : "build a unique index with Option.CONCURRENTLY, then add it with"
                                            + " Option.USING_INDEX"),
                    step,
                    waivers);
        } else if (op instanceof AddColumn a) {
            addColumn(walk, a.column(), table, step, waivers);
        } else if (op instanceof AlterColumn a) {
            alterColumn(walk, a, table, step, waivers);
        }
    }

    static final String DSL_INDEX_FIX =
            "build it with Option.CONCURRENTLY (ALGORITHM=INPLACE LOCK=NONE: the server refuses rather than block)";
    static final String SQL_INDEX_FIX = "add ALGORITHM=INPLACE, LOCK=NONE (the server then refuses rather than block)";

    /** {@code INDEX on existing table "t" ...}: what an index build without LOCK=NONE does, and the fix. */
    static String createIndex(MigrationWalk walk, String method, String on, String fix) {
        if (method.equals("fulltext") || method.equals("spatial"))
            return method.toUpperCase() + " INDEX" + on + " blocks writes while it builds (LOCK=SHARED): "
                    + walk.server() + " has no online form for it";
        return "INDEX" + on + " does not assert LOCK=NONE, so " + walk.server() + " may block writes while it builds; "
                + fix;
    }

    private static String check(MigrationWalk walk, AddCheck c, String on) {
        String name = c.constraint().name() == null ? "" : c.constraint().name() + " ";
        return "check " + name + "(" + c.constraint().expression() + ")" + on + " copies the table while writes wait"
                + " (ALGORITHM=COPY, LOCK=SHARED), NOT VALID or not: "
                + (walk.mySql ? "MySQL" : "MariaDB 10.11") + " has no online form for it";
    }

    private static void addColumn(MigrationWalk walk, Column column, QualifiedName table, Step step, List<Waiver> w) {
        String where = MigrationWalk.shown(table) + "." + column.name();
        boolean filled =
                column.defaultValue() != null || column.identity() != Identity.NONE || column.generated() != null;
        if (!column.nullable() && !filled)
            walk.hit(Rule.NOT_NULL_WITHOUT_DEFAULT, notNull(walk, where, table, column.type()), step, w);
        String expression =
                column.defaultValue() == null ? null : column.defaultValue().expression();
        String call = expression == null || walk.mySql ? null : Volatility.mariaDbRowByRow(expression);
        if (walk.mySql && expression != null && !MySqlDefaults.addedInstantly(expression))
            walk.hit(
                    Rule.VOLATILE_DEFAULT,
                    mySqlDefault(where, expression, MySqlDefaults.refusedWhenAdded(expression), table),
                    step,
                    w);
        else if (call != null)
            walk.hit(Rule.VOLATILE_DEFAULT, rowByRow(walk, where, "the default " + call + "()", table), step, w);
        else if (column.identity() != Identity.NONE)
            walk.hit(
                    Rule.VOLATILE_DEFAULT,
                    "adds AUTO_INCREMENT column " + where + ": " + walk.server()
                            + " numbers the rows of existing table " + MigrationWalk.shown(table)
                            + " while writes wait (LOCK=SHARED)",
                    step,
                    w);
        // a VIRTUAL generation is computed when read: instant
        else if (column.generated() != null && !column.options().virtual())
            walk.hit(Rule.VOLATILE_DEFAULT, rowByRow(walk, where, "a stored generation", table), step, w);
    }

    /**
     * What a NOT NULL column added without a default does to the rows of an existing table ({@code type} null when
     * lint does not know it).
     */
    static String notNull(MigrationWalk walk, String where, QualifiedName table, String type) {
        String added = "adds NOT NULL column " + where + " without a default to existing table "
                + MigrationWalk.shown(table) + ": ";
        if (!walk.mySql)
            return added + "MariaDB gives its rows the type's implicit value (0, '', a zero date) instead of failing";
        if (type == null)
            return added + "MySQL gives its rows the type's implicit value (0, '') or, for a date or datetime, fails"
                    + " on them (error 1292: its default sql_mode refuses the zero date)";
        if (!MySqlDefaults.zeroDated(type))
            return added + "MySQL gives its rows the type's implicit value (0, '') instead of failing";
        if (type.startsWith("timestamp"))
            return added + "MySQL gives its rows the zero date, which its default sql_mode then refuses when the table"
                    + " is next copied (error 1292)";
        return added + "MySQL fails as soon as the table has a row (error 1292: its default sql_mode refuses the zero"
                + " date)";
    }

    /** A default MySQL does not add instantly: refused for its {@code refused} function, else copying the table. */
    static String mySqlDefault(String where, String expression, String refused, QualifiedName table) {
        if (refused != null)
            return "adds column " + where + " with the default " + refused + "(): MySQL refuses it while its binary"
                    + " log is on (error 1674: a row's value could differ on a replica), and the migration fails"
                    + " there; add the column without the default, then set it";
        return "adds column " + where + " with the default " + expression + ": MySQL adds a column with an expression"
                + " as its default only by copying existing table " + MigrationWalk.shown(table)
                + " while writes wait (ALGORITHM=COPY, LOCK=SHARED)";
    }

    static String rowByRow(MigrationWalk walk, String where, String filler, QualifiedName table) {
        return "adds column " + where + " with " + filler + ": " + walk.server() + " copies existing table "
                + MigrationWalk.shown(table) + " to fill it while writes wait (ALGORITHM=COPY, LOCK=SHARED)";
    }

    private static void alterColumn(MigrationWalk walk, AlterColumn a, QualifiedName table, Step step, List<Waiver> w) {
        String column = a.to().name();
        if (a.from().nullable()
                && !a.to().nullable()
                && !walk.onlineNotNull.contains(new MigrationWalk.NotNullColumn(table, column)))
            walk.hit(Rule.SET_NOT_NULL_SCAN, setNotNull(table, column), step, w);
        String copies = MariaDbTypeChange.copies(a.from().type(), a.to().type(), walk.mySql);
        if (copies != null)
            walk.hit(
                    Rule.REWRITING_TYPE_CHANGE,
                    typeChange(
                            a.from().type(), a.to().type(), MigrationWalk.shown(table) + "." + column, table, copies),
                    step,
                    w);
    }

    static String setNotNull(QualifiedName table, String column) {
        String rebuilds = "NOT NULL on " + MigrationWalk.shown(table) + "." + column + " rebuilds existing table "
                + MigrationWalk.shown(table) + " by a MODIFY that does not assert LOCK=NONE; ";
        return rebuilds + "write the online form"
                + " (safety = online): check "
                + OnlineForms.notNullCheck(table, column).name()
                + " added NOT VALID and validated before it in the same migration";
    }

    static String typeChange(String from, String to, String where, QualifiedName table, String why) {
        return "type " + from + " -> " + to + " of " + where + " copies existing table " + MigrationWalk.shown(table)
                + " while writes wait (ALGORITHM=COPY, LOCK=SHARED): " + why;
    }
}
