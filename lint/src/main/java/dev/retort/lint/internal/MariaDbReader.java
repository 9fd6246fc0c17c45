package dev.retort.lint.internal;

import dev.retort.lint.internal.SqlStatement.Action;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link SqlReader}'s MariaDB counterpart: one statement's tokens read as MariaDB 10.11's SQL, the forms lint's
 * MariaDB rules are about ({@code CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX}, {@code DROP INDEX ... ON}, {@code ALTER
 * TABLE} with its {@code ALGORITHM}/{@code LOCK} assertion, {@code RENAME TABLE}, {@code SET [SESSION]}, {@code SET
 * STATEMENT ... FOR}, transaction control), anything else {@link SqlStatement.Unparsed}.
 */
final class MariaDbReader extends TokenCursor {
    /** Statements that lint knows and has no rule about, by their first word (or two). */
    private static final Set<String> HARMLESS = Set.of(
            "insert",
            "replace",
            "select",
            "delete",
            "grant",
            "revoke",
            "analyze",
            "call",
            "do",
            "show",
            "create sequence",
            "create view",
            "create function",
            "create procedure",
            "create trigger",
            "create event",
            "create user",
            "create role",
            "alter sequence",
            "alter view",
            "alter function",
            "alter procedure",
            "alter event",
            "alter user",
            "drop function",
            "drop procedure",
            "drop view",
            "drop trigger",
            "drop event",
            "drop user",
            "drop role");

    /** What ends or opens a transaction; {@code BEGIN NOT ATOMIC} is a compound statement instead. */
    private static final Set<String> TRANSACTION_CONTROL =
            Set.of("begin", "commit", "rollback", "savepoint", "release", "xa");

    private final String defaultSchema;

    /** Read as MySQL's SQL: {@code DROP INDEX ... ON} takes {@code ALGORITHM} and {@code LOCK}; no {@code SET STATEMENT}. */
    private final boolean mySql;

    private MariaDbReader(List<SqlToken> tokens, String defaultSchema, boolean mySql) {
        super(tokens);
        this.defaultSchema = defaultSchema;
        this.mySql = mySql;
    }

    static SqlStatement read(List<SqlToken> tokens, String defaultSchema) {
        return read(tokens, defaultSchema, false);
    }

    /** The statement, read as MySQL's SQL with {@code mySql}. */
    static SqlStatement read(List<SqlToken> tokens, String defaultSchema, boolean mySql) {
        try {
            return new MariaDbReader(tokens, defaultSchema, mySql).statement();
        } catch (IllegalStateException e) {
            return new SqlStatement.Unparsed(e.getMessage());
        }
    }

    /** Whether the statement is a compound one whose body holds semicolons: the rest of the text belongs to it. */
    static boolean compound(List<SqlToken> tokens) {
        MariaDbReader reader = new MariaDbReader(tokens, null, false);
        if (reader.accept("begin", "not", "atomic")) return true;
        if (!reader.accept("create")) return false;
        reader.accept("or", "replace");
        if (reader.accept("definer")) {
            while (reader.peek() != null && !reader.routine()) reader.at++;
        }
        return reader.routine();
    }

    private boolean routine() {
        SqlToken token = peek();
        return token != null
                && (token.is("procedure") || token.is("function") || token.is("trigger") || token.is("event"));
    }

    private SqlStatement statement() {
        SqlToken first = tokens.get(0);
        if (first.kind() != SqlToken.Kind.WORD) throw new IllegalStateException("it does not start with a keyword");
        String word = first.text();
        String two = tokens.size() > 1 && tokens.get(1).kind() == SqlToken.Kind.WORD
                ? word + " " + tokens.get(1).text()
                : word;
        if (two.equals("begin not")) throw new IllegalStateException("lint does not read the body of BEGIN NOT ATOMIC");
        if (TRANSACTION_CONTROL.contains(word) || two.equals("start transaction"))
            return new SqlStatement.TransactionControl(two.toUpperCase());
        if (word.equals("set")) return set();
        if (word.equals("update")) return update();
        if (word.equals("create")) {
            SqlStatement create = create();
            if (create != null) return create;
        }
        if (word.equals("alter")) {
            SqlStatement alter = alterTable();
            if (alter != null) return alter;
        }
        if (two.equals("rename table")) return renameTable();
        if (word.equals("drop")) {
            SqlStatement drop = drop();
            if (drop != null) return drop;
        }
        at = 1;
        accept("or", "replace");
        SqlToken next = peek();
        String created = next != null && word.equals("create") ? "create " + next.text() : two;
        if (HARMLESS.contains(word) || HARMLESS.contains(two) || HARMLESS.contains(created))
            return new SqlStatement.Other(two.toUpperCase());
        throw new IllegalStateException("lint does not read " + two.toUpperCase() + " statements");
    }

    /** {@code name} or {@code database.name}, the default schema left out. */
    private QualifiedName qualified() {
        String first = name("");
        SqlToken dot = peek();
        if (dot == null || !dot.isSymbol(".")) return new QualifiedName(null, first);
        at++;
        String second = name("");
        return new QualifiedName(first.equals(defaultSchema) ? null : first, second);
    }

    /** {@code SET [SESSION|LOCAL] a = 1, @@session.b = 2, ...}: the session's variables; {@code SET STATEMENT ... FOR}. */
    private SqlStatement set() {
        at = 1;
        if (accept("statement")) {
            if (mySql) throw new IllegalStateException("SET STATEMENT is MariaDB's: MySQL refuses it (error 1064)");
            int end = at;
            while (end < tokens.size() && !tokens.get(end).is("for")) end++;
            if (end >= tokens.size() - 1) throw new IllegalStateException("expected FOR in SET STATEMENT");
            List<SqlToken> assignments = tokens.subList(at, end);
            SqlStatement inner = read(tokens.subList(end + 1, tokens.size()), defaultSchema, false);
            return new SqlStatement.ForStatement(variables(assignments, false), variables(assignments, true), inner);
        }
        SqlToken next = peek();
        if (next != null
                && (next.is("names")
                        || next.is("character")
                        || next.is("charset")
                        || next.is("password")
                        || next.is("role")
                        || next.is("transaction")
                        || next.is("default")))
            return new SqlStatement.Other("SET " + next.text().toUpperCase());
        List<SqlToken> assignments = tokens.subList(at, tokens.size());
        return new SqlStatement.Set(variables(assignments, false), variables(assignments, true));
    }

    /**
     * The session variables of comma-separated assignments, or only those set to {@code 0}, {@code OFF} or {@code
     * FALSE} ({@code off}); a global one or a user variable ({@code @v}) is none.
     */
    private static List<String> variables(List<SqlToken> assignments, boolean off) {
        List<String> names = new ArrayList<>();
        for (List<SqlToken> part : SqlReader.splitOnCommas(assignments)) {
            int i = 0;
            boolean global = false;
            if (i + 1 < part.size()
                    && part.get(i).isSymbol("@")
                    && part.get(i + 1).isSymbol("@")) {
                i += 2;
                if (i + 1 < part.size() && part.get(i + 1).isSymbol(".")) {
                    global = part.get(i).is("global");
                    i += 2;
                }
            } else if (i < part.size() && part.get(i).isSymbol("@")) {
                continue;
            } else if (i < part.size()
                    && (part.get(i).is("session") || part.get(i).is("local"))) {
                i++;
            } else if (i < part.size() && part.get(i).is("global")) {
                global = true;
                i++;
            }
            if (i >= part.size() || !part.get(i).isName())
                throw new IllegalStateException("expected a variable in SET");
            if (global || (off && !turnsOff(part.subList(i + 1, part.size())))) continue;
            names.add(part.get(i).text());
        }
        return names;
    }

    /** {@code = 0}, {@code := OFF}, {@code = FALSE}: what follows a variable's name in an assignment that turns it off. */
    private static boolean turnsOff(List<SqlToken> value) {
        int i = 0;
        if (i < value.size() && value.get(i).isSymbol(":")) i++;
        if (i >= value.size() || !value.get(i).isSymbol("=")) return false;
        if (i + 2 != value.size()) return false;
        SqlToken word = value.get(i + 1);
        return word.text().equals("0")
                || word.is("off")
                || word.is("false")
                || (word.kind() == SqlToken.Kind.STRING && word.text().equalsIgnoreCase("off"));
    }

    private SqlStatement update() {
        at = 1;
        accept("low_priority");
        accept("ignore");
        return new SqlStatement.Update(qualified());
    }

    private SqlStatement create() {
        at = 1;
        accept("or", "replace");
        boolean unique = accept("unique");
        String method = accept("fulltext") ? "fulltext" : accept("spatial") ? "spatial" : "btree";
        if (accept("index")) {
            accept("if", "not", "exists");
            String name = name(" after CREATE INDEX");
            if (accept("using")) name(" after USING");
            if (!accept("on")) throw new IllegalStateException("expected ON at token " + (at + 1));
            return new SqlStatement.CreateIndex(qualified(), name, unique, online(tokens), method);
        }
        if (unique || !method.equals("btree")) throw new IllegalStateException("expected INDEX after CREATE " + method);
        accept("temporary");
        if (!accept("table")) return null;
        accept("if", "not", "exists");
        return new SqlStatement.CreateTable(qualified());
    }

    /** Whether the tokens assert {@code LOCK [=] NONE} or {@code ALGORITHM [=] INSTANT}: the server refuses the rest. */
    static boolean online(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (!token.is("lock") && !token.is("algorithm")) continue;
            SqlToken value =
                    tokens.get(i + 1).isSymbol("=") && i + 2 < tokens.size() ? tokens.get(i + 2) : tokens.get(i + 1);
            if ((token.is("lock") && value.is("none")) || (token.is("algorithm") && value.is("instant"))) return true;
        }
        return false;
    }

    private SqlStatement alterTable() {
        at = 1;
        accept("online");
        accept("ignore");
        if (!accept("table")) return null;
        accept("if", "exists");
        QualifiedName table = qualified();
        if (!accept("nowait") && accept("wait")) at++;
        List<Action> actions = new ArrayList<>();
        for (List<SqlToken> part : SqlReader.splitOnCommas(tokens.subList(at, tokens.size()))) {
            if (part.isEmpty()) throw new IllegalStateException("an empty ALTER TABLE action");
            actions.addAll(new MariaDbActionReader(part).actions());
        }
        if (actions.isEmpty()) throw new IllegalStateException("ALTER TABLE without an action");
        return new SqlStatement.AlterTable(table, actions, online(tokens));
    }

    /** {@code RENAME TABLE a TO b}, as {@code ALTER TABLE a RENAME TO b}; several pairs are not read. */
    private SqlStatement renameTable() {
        at = 2;
        QualifiedName from = qualified();
        if (!accept("to")) throw new IllegalStateException("expected TO in RENAME TABLE");
        String to = qualified().name();
        if (peek() != null) throw new IllegalStateException("lint reads RENAME TABLE of one table");
        return new SqlStatement.AlterTable(from, List.of(new Action.Rename("table", null, to)));
    }

    private SqlStatement drop() {
        at = 1;
        if (accept("index")) {
            accept("if", "exists");
            String name = name(" after DROP INDEX");
            if (!accept("on")) throw new IllegalStateException("expected ON in DROP INDEX");
            return new SqlStatement.DropIndex(
                    List.of(new QualifiedName(null, name)), mySql && online(tokens), qualified());
        }
        accept("temporary");
        String kind = accept("table") ? "table" : accept("sequence") ? "sequence" : null;
        if (kind == null) return null;
        accept("if", "exists");
        List<QualifiedName> names = new ArrayList<>(List.of(qualified()));
        while (peek() != null && peek().isSymbol(",")) {
            at++;
            names.add(qualified());
        }
        return new SqlStatement.Drop(kind, names);
    }
}
