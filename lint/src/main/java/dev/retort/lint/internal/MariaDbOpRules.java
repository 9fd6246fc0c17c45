package dev.retort.lint.internal;

import dev.retort.diff.OnlineForms;
import dev.retort.lint.Rule;
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
                    "CREATE " + createIndex(c.index().method(), on, DSL_INDEX_FIX),
                    step,
                    waivers);
        } else if (op instanceof DropIndex d && !d.options().contains(Option.CONCURRENTLY)) {
            walk.hit(
                    Rule.NON_CONCURRENT_INDEX,
                    "DROP INDEX" + on + " does not assert LOCK=NONE, so MariaDB may block writes without saying so;"
                            + " drop it with Option.CONCURRENTLY (ALTER TABLE ... DROP INDEX ..., ALGORITHM=INPLACE,"
                            + " LOCK=NONE)",
                    step,
                    waivers);
        } else if (op instanceof AddForeignKey f) {
            if (!f.options().contains(Option.NOT_VALID) && f.key().valid() && !walk.foreignKeyChecksOff)
                walk.hit(
                        Rule.CONSTRAINT_WITHOUT_NOT_VALID,
                        "foreign key" + on + " is added by copying the table while writes wait (foreign_key_checks=1:"
                                + " ALGORITHM=COPY, LOCK=SHARED); add it NOT VALID (foreign_key_checks=0, LOCK=NONE)"
                                + " and validate it in a later step",
                        step,
                        waivers);
        } else if (op instanceof AddCheck c) {
            boolean onlineNotNull = !c.constraint().valid() && OnlineForms.notNullColumn(table, c.constraint()) != null;
            if (!onlineNotNull) walk.hit(Rule.CHECK_COPIES_TABLE, check(c, on), step, waivers);
        } else if ((op instanceof AddUnique u && !u.options().contains(Option.USING_INDEX))
                || (op instanceof AddPrimaryKey p && !p.options().contains(Option.USING_INDEX))) {
            walk.hit(
                    Rule.UNIQUE_UNDER_LOCK,
                    (op instanceof AddUnique ? "unique constraint" : "primary key") + on
                            + " does not assert LOCK=NONE, so MariaDB may block writes while it builds the index; build"
                            + " a unique index with Option.CONCURRENTLY, then add it with Option.USING_INDEX",
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
    static String createIndex(String method, String on, String fix) {
        if (method.equals("fulltext") || method.equals("spatial"))
            return method.toUpperCase() + " INDEX" + on + " blocks writes while it builds (LOCK=SHARED): MariaDB has no"
                    + " online form for it";
        return "INDEX" + on + " does not assert LOCK=NONE, so MariaDB may block writes while it builds; " + fix;
    }

    private static String check(AddCheck c, String on) {
        String name = c.constraint().name() == null ? "" : c.constraint().name() + " ";
        return "check " + name + "(" + c.constraint().expression() + ")" + on + " copies the table while writes wait"
                + " (ALGORITHM=COPY, LOCK=SHARED), NOT VALID or not: MariaDB 10.11 has no online form for it";
    }

    private static void addColumn(MigrationWalk walk, Column column, QualifiedName table, Step step, List<Waiver> w) {
        String where = MigrationWalk.shown(table) + "." + column.name();
        boolean filled =
                column.defaultValue() != null || column.identity() != Identity.NONE || column.generated() != null;
        if (!column.nullable() && !filled) walk.hit(Rule.NOT_NULL_WITHOUT_DEFAULT, notNull(where, table), step, w);
        String call = column.defaultValue() == null
                ? null
                : Volatility.mariaDbRowByRow(column.defaultValue().expression());
        if (call != null)
            walk.hit(Rule.VOLATILE_DEFAULT, rowByRow(where, "the default " + call + "()", table), step, w);
        else if (column.identity() != Identity.NONE)
            walk.hit(
                    Rule.VOLATILE_DEFAULT,
                    "adds AUTO_INCREMENT column " + where + ": MariaDB numbers the rows of existing table "
                            + MigrationWalk.shown(table) + " while writes wait (LOCK=SHARED)",
                    step,
                    w);
        else if (column.generated() != null)
            walk.hit(Rule.VOLATILE_DEFAULT, rowByRow(where, "a stored generation", table), step, w);
    }

    static String notNull(String where, QualifiedName table) {
        return "adds NOT NULL column " + where + " without a default to existing table " + MigrationWalk.shown(table)
                + ": MariaDB gives its rows the type's implicit value (0, '', a zero date) instead of failing";
    }

    static String rowByRow(String where, String filler, QualifiedName table) {
        return "adds column " + where + " with " + filler + ": MariaDB copies existing table "
                + MigrationWalk.shown(table) + " to fill it while writes wait (ALGORITHM=COPY, LOCK=SHARED)";
    }

    private static void alterColumn(MigrationWalk walk, AlterColumn a, QualifiedName table, Step step, List<Waiver> w) {
        String column = a.to().name();
        if (a.from().nullable()
                && !a.to().nullable()
                && !walk.onlineNotNull.contains(new MigrationWalk.NotNullColumn(table, column)))
            walk.hit(Rule.SET_NOT_NULL_SCAN, setNotNull(table, column), step, w);
        String copies = MariaDbTypeChange.copies(a.from().type(), a.to().type());
        if (copies != null)
            walk.hit(
                    Rule.REWRITING_TYPE_CHANGE,
                    typeChange(
                            a.from().type(), a.to().type(), MigrationWalk.shown(table) + "." + column, table, copies),
                    step,
                    w);
    }

    static String setNotNull(QualifiedName table, String column) {
        return "NOT NULL on " + MigrationWalk.shown(table) + "." + column + " rebuilds existing table "
                + MigrationWalk.shown(table) + " by a MODIFY that does not assert LOCK=NONE; write the online form"
                + " (safety = online): check "
                + OnlineForms.notNullCheck(table, column).name()
                + " added NOT VALID and validated before it in the same migration";
    }

    static String typeChange(String from, String to, String where, QualifiedName table, String why) {
        return "type " + from + " -> " + to + " of " + where + " copies existing table " + MigrationWalk.shown(table)
                + " while writes wait (ALGORITHM=COPY, LOCK=SHARED): " + why;
    }
}
