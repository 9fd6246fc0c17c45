package dev.retort.lint.internal;

import dev.retort.lint.Rule;
import dev.retort.lint.internal.SqlStatement.Action;
import dev.retort.mariadb.MySqlDefaults;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Types;

/**
 * MariaDB's rules over one action of a hand-written {@code ALTER TABLE}: those of {@link MariaDbOpRules} for the SQL,
 * none of the lock rules when the statement asserts {@code LOCK=NONE} or {@code ALGORITHM=INSTANT} ({@code online}),
 * which the server refuses rather than block writes or copy the table.
 */
final class MariaDbSqlRules {
    private MariaDbSqlRules() {}

    static void action(SqlRules rules, QualifiedName table, Action action, boolean online) {
        MigrationWalk walk = rules.walk();
        SchemaState.TableState known = walk.state.table(table);
        if (action instanceof Action.DropColumn d) {
            walk.acknowledged(
                    "drops column " + MigrationWalk.shown(table) + "." + d.column() + " and its data",
                    rules.step(),
                    rules.waivers());
            if (known != null) known.columns.remove(d.column());
        } else if (action instanceof Action.DropConstraint d) {
            walk.state.dropCheck(table, d.name());
            walk.state.keys().dropForeignKey(table, d.name());
        } else if (action instanceof Action.Rename r && r.kind().equals("column")) {
            walk.state.keys().renameColumn(table, r.from(), r.to());
        } else if (action instanceof Action.Modify m && known != null && known.columns.containsKey(m.column())) {
            // MODIFY's type against the column's as the migrations made it (unknown: nothing said)
            String before = known.columns.get(m.column()).type();
            String message = Types.classify(before, m.type()) == Types.Change.NONE
                    ? null
                    : walk.underKey(
                            table,
                            m.column(),
                            "type " + before + " -> " + m.type() + " (MODIFY) of ",
                            before,
                            m.type());
            if (message != null) rules.hit(Rule.TYPE_CHANGE_UNDER_KEY, message);
        }
        if (!walk.existing(table)) {
            if (action instanceof Action.Rename r && r.kind().equals("table")) walk.state.rename(table, r.to());
            return;
        }
        String on = " on existing table " + MigrationWalk.shown(table);
        if (action instanceof Action.AddColumn a) {
            addColumn(rules, table, a, online);
        } else if (online) {
            if (action instanceof Action.Rename r) rename(rules, table, r);
            if (action instanceof Action.Modify m && known != null && known.columns.containsKey(m.column()))
                known.columns.put(m.column(), modified(known.columns.get(m.column()), m));
        } else if (action instanceof Action.AddConstraint c) {
            if (c.kind().equals("check"))
                rules.hit(
                        Rule.CHECK_COPIES_TABLE,
                        "ADD CHECK" + on + " copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED): "
                                + (walk.mySql ? "MySQL" : "MariaDB 10.11") + " has no online form for it");
            if (c.kind().equals("foreign key") && !rules.foreignKeyChecksOff())
                rules.hit(
                        Rule.CONSTRAINT_WITHOUT_NOT_VALID,
                        "ADD FOREIGN KEY" + on + " copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED);"
                                + (walk.mySql
                                        ? " run SET foreign_key_checks = 0 before it, with ALGORITHM=INPLACE, LOCK=NONE,"
                                                + " and on again after, and check the rows apart"
                                        : " write SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE ... ALGORITHM=INPLACE,"
                                                + " LOCK=NONE and check the rows apart"));
            if (c.kind().equals("unique") || c.kind().equals("primary key"))
                rules.hit(
                        Rule.UNIQUE_UNDER_LOCK,
                        "ADD " + c.kind().toUpperCase() + on + " does not assert LOCK=NONE, so " + walk.server()
                                + " may block writes while it builds the index; add ALGORITHM=INPLACE, LOCK=NONE");
        } else if (action instanceof Action.AddIndex i) {
            rules.hit(
                    Rule.NON_CONCURRENT_INDEX,
                    "ADD " + MariaDbOpRules.createIndex(walk, i.method(), on, MariaDbOpRules.SQL_INDEX_FIX));
        } else if (action instanceof Action.DropIndex d) {
            rules.hit(
                    Rule.NON_CONCURRENT_INDEX,
                    "DROP INDEX " + d.name() + on + " does not assert LOCK=NONE, so " + walk.server() + " may block"
                            + " writes without saying so; add ALGORITHM=INPLACE, LOCK=NONE");
        } else if (action instanceof Action.Modify m) {
            modify(rules, table, known, m);
        } else if (action instanceof Action.Rename r) {
            rename(rules, table, r);
        }
    }

    private static void addColumn(SqlRules rules, QualifiedName table, Action.AddColumn a, boolean online) {
        String where = MigrationWalk.shown(table) + "." + a.column();
        if (a.notNull() && a.defaultValue() == null && !a.generated())
            rules.hit(Rule.NOT_NULL_WITHOUT_DEFAULT, MariaDbOpRules.notNull(rules.walk(), where, table, null));
        // on MySQL the default as written, judged by the DSL's rules (MySqlDefaults)
        String expression = rules.walk().mySql && a.defaultValue() != null ? text(a.defaultValue()) : null;
        // MySQL refuses such a default whatever the statement asserts
        String refused = expression == null ? null : MySqlDefaults.refusedWhenAdded(expression);
        if (refused != null) rules.hit(Rule.VOLATILE_DEFAULT, MariaDbOpRules.mySqlDefault(where, null, refused, table));
        if (online || refused != null) return;
        if (expression != null && !MySqlDefaults.addedInstantly(expression)) {
            rules.hit(Rule.VOLATILE_DEFAULT, MariaDbOpRules.mySqlDefault(where, expression, null, table));
            return;
        }
        String call =
                a.defaultValue() == null || rules.walk().mySql ? null : Volatility.mariaDbRowByRow(a.defaultValue());
        if (call != null)
            rules.hit(
                    Rule.VOLATILE_DEFAULT,
                    MariaDbOpRules.rowByRow(rules.walk(), where, "the default " + call + "()", table));
        else if (a.generated())
            rules.hit(
                    Rule.VOLATILE_DEFAULT,
                    MariaDbOpRules.rowByRow(rules.walk(), where, "a stored generation or AUTO_INCREMENT", table)
                            .replace("(ALGORITHM=COPY, LOCK=SHARED)", "(LOCK=SHARED)"));
    }

    private static void modify(SqlRules rules, QualifiedName table, SchemaState.TableState known, Action.Modify m) {
        Column column = known == null ? null : known.columns.get(m.column());
        String on = " on existing table " + MigrationWalk.shown(table);
        if (column == null) {
            rules.hit(
                    Rule.REWRITING_TYPE_CHANGE,
                    "MODIFY " + m.column() + " " + m.type() + on
                            + ": the column's type before is not known to lint, so it may copy the table");
            return;
        }
        String copies = MariaDbTypeChange.copies(column.type(), m.type(), rules.walk().mySql);
        if (copies != null)
            rules.hit(
                    Rule.REWRITING_TYPE_CHANGE,
                    MariaDbOpRules.typeChange(
                            column.type(), m.type(), MigrationWalk.shown(table) + "." + m.column(), table, copies));
        if (column.nullable() && m.notNull())
            rules.hit(
                    Rule.SET_NOT_NULL_SCAN,
                    "MODIFY " + m.column() + " ... NOT NULL rebuilds existing table " + MigrationWalk.shown(table)
                            + " and does not assert LOCK=NONE; count its nulls first, then add ALGORITHM=INPLACE,"
                            + " LOCK=NONE");
        known.columns.put(m.column(), modified(column, m));
    }

    /** The tokens as SQL text: each as written, strings quoted again, a leading sign kept on its number. */
    private static String text(java.util.List<SqlToken> tokens) {
        StringBuilder text = new StringBuilder();
        for (SqlToken token : tokens) {
            boolean tight = text.isEmpty()
                    || token.isSymbol("(")
                    || token.isSymbol(")")
                    || token.isSymbol(",")
                    || text.charAt(text.length() - 1) == '('
                    || text.toString().equals("-")
                    || text.toString().equals("+");
            if (!tight) text.append(' ');
            text.append(
                    token.kind() == SqlToken.Kind.STRING
                            ? "'" + token.text().replace("\\", "\\\\").replace("'", "''") + "'"
                            : token.spelled());
        }
        return text.toString();
    }

    private static Column modified(Column column, Action.Modify m) {
        return column.withType(m.type()).withNullable(!m.notNull());
    }

    private static void rename(SqlRules rules, QualifiedName table, Action.Rename r) {
        rules.hit(
                Rule.RENAME,
                "renames " + r.kind() + (r.from() == null ? " " + MigrationWalk.shown(table) : " " + r.from()) + " to "
                        + r.to() + ": the running application still uses the old name");
        SchemaState.TableState known = rules.walk().state.table(table);
        if (r.kind().equals("column") && known != null && known.columns.containsKey(r.from()))
            known.columns.put(r.to(), known.columns.remove(r.from()).withName(r.to()));
        if (r.kind().equals("table")) rules.walk().state.rename(table, r.to());
    }
}
