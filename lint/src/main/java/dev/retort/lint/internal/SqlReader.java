package dev.retort.lint.internal;

import dev.retort.Dialect;
import dev.retort.lint.internal.SqlStatement.Action;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one statement's tokens into a {@link SqlStatement}: a conservative subset of PostgreSQL's grammar, the forms
 * lint's rules are about, each read far enough to know what it locks; anything else is {@link SqlStatement.Unparsed}.
 */
final class SqlReader extends TokenCursor {
    /** Statements that lint knows and has no rule about, by their first word (or two). */
    private static final Set<String> HARMLESS = Set.of(
            "insert",
            "select",
            "delete",
            "comment",
            "grant",
            "revoke",
            "analyze",
            "notify",
            "lock",
            "call",
            "create sequence",
            "create type",
            "create function",
            "create procedure",
            "create or",
            "create view",
            "create materialized",
            "create extension",
            "create schema",
            "create domain",
            "create cast",
            "create trigger",
            "create collation",
            "alter sequence",
            "alter type",
            "alter function",
            "alter view",
            "alter schema",
            "alter domain",
            "alter extension",
            "drop function",
            "drop procedure",
            "drop view",
            "drop trigger",
            "drop extension",
            "drop schema",
            "drop cast",
            "drop collation",
            "reset",
            "show");

    private static final Set<String> TRANSACTION_CONTROL =
            Set.of("begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "prepare");

    private final String defaultSchema;

    private SqlReader(List<SqlToken> tokens, String defaultSchema) {
        super(tokens);
        this.defaultSchema = defaultSchema;
    }

    /** The statement the tokens make; names in {@code defaultSchema} are given without a schema, as the DSL's are. */
    static SqlStatement read(List<SqlToken> tokens, String defaultSchema, Dialect dialect) {
        return read(tokens, defaultSchema, dialect, false);
    }

    /** The same, a MariaDB dialect's statement read as MySQL's SQL with {@code mySql}. */
    static SqlStatement read(List<SqlToken> tokens, String defaultSchema, Dialect dialect, boolean mySql) {
        if (dialect == Dialect.MARIADB) return MariaDbReader.read(tokens, defaultSchema, mySql);
        return read(tokens, defaultSchema);
    }

    /** PostgreSQL's {@link #read(List, String, Dialect)}. */
    static SqlStatement read(List<SqlToken> tokens, String defaultSchema) {
        try {
            return new SqlReader(tokens, defaultSchema).statement();
        } catch (IllegalStateException e) {
            return new SqlStatement.Unparsed(e.getMessage());
        }
    }

    private SqlStatement statement() {
        SqlToken first = tokens.get(0);
        if (first.kind() != SqlToken.Kind.WORD) throw new IllegalStateException("it does not start with a keyword");
        String word = first.text();
        String two = tokens.size() > 1 && tokens.get(1).kind() == SqlToken.Kind.WORD
                ? word + " " + tokens.get(1).text()
                : word;
        if (TRANSACTION_CONTROL.contains(word)) return new SqlStatement.TransactionControl(two.toUpperCase());
        if (word.equals("set")) return set();
        if (word.equals("update")) return update();
        if (word.equals("reindex")) return new SqlStatement.Reindex(has("concurrently"));
        if (word.equals("create")) {
            SqlStatement create = create();
            if (create != null) return create;
        }
        if (two.equals("alter table")) return alterTable();
        if (word.equals("drop")) {
            SqlStatement drop = drop();
            if (drop != null) return drop;
        }
        if (HARMLESS.contains(word) || HARMLESS.contains(two)) return new SqlStatement.Other(two.toUpperCase());
        if (word.equals("do")) throw new IllegalStateException("lint does not read the body of a DO block");
        throw new IllegalStateException("lint does not read " + two.toUpperCase() + " statements");
    }

    private boolean has(String word) {
        return tokens.stream().anyMatch(t -> t.is(word));
    }

    private void expect(String word) {
        if (!accept(word)) throw new IllegalStateException("expected " + word.toUpperCase() + " at token " + (at + 1));
    }

    private String name() {
        return name("");
    }

    /** {@code name} or {@code schema.name}, the default schema left out. */
    private QualifiedName qualified() {
        String first = name();
        SqlToken dot = peek();
        if (dot == null || !dot.isSymbol(".")) return new QualifiedName(null, first);
        at++;
        String second = name();
        return new QualifiedName(first.equals(defaultSchema) ? null : first, second);
    }

    private SqlStatement set() {
        at = 1;
        if (!accept("local")) accept("session");
        return new SqlStatement.Set(name());
    }

    private SqlStatement update() {
        at = 1;
        accept("only");
        return new SqlStatement.Update(qualified());
    }

    private SqlStatement create() {
        at = 1;
        boolean unique = accept("unique");
        if (accept("index")) {
            boolean concurrently = accept("concurrently");
            accept("if", "not", "exists");
            String name = peek() != null && !peek().is("on") ? name() : null;
            expect("on");
            accept("only");
            return new SqlStatement.CreateIndex(qualified(), name, unique, concurrently);
        }
        if (unique) throw new IllegalStateException("expected INDEX after CREATE UNIQUE");
        while (accept("unlogged") || accept("temporary") || accept("temp") || accept("global") || accept("local")) {}
        if (!accept("table")) return null;
        accept("if", "not", "exists");
        return new SqlStatement.CreateTable(qualified());
    }

    private SqlStatement drop() {
        at = 1;
        String kind;
        if (accept("index")) {
            boolean concurrently = accept("concurrently");
            accept("if", "exists");
            return new SqlStatement.DropIndex(names(), concurrently);
        }
        if (accept("table")) kind = "table";
        else if (accept("sequence")) kind = "sequence";
        else if (accept("type")) kind = "type";
        else if (accept("domain")) kind = "domain";
        else return null;
        accept("if", "exists");
        return new SqlStatement.Drop(kind, names());
    }

    private List<QualifiedName> names() {
        List<QualifiedName> names = new ArrayList<>(List.of(qualified()));
        while (peek() != null && peek().isSymbol(",")) {
            at++;
            names.add(qualified());
        }
        return names;
    }

    private SqlStatement alterTable() {
        at = 2;
        accept("if", "exists");
        accept("only");
        QualifiedName table = qualified();
        SqlToken star = peek();
        if (star != null && star.isSymbol("*")) at++;
        List<Action> actions = new ArrayList<>();
        for (List<SqlToken> part : splitOnCommas(tokens.subList(at, tokens.size()))) {
            if (part.isEmpty()) throw new IllegalStateException("an empty ALTER TABLE action");
            actions.add(new ActionReader(part).action());
        }
        if (actions.isEmpty()) throw new IllegalStateException("ALTER TABLE without an action");
        return new SqlStatement.AlterTable(table, actions);
    }

    /** The token runs between commas outside parentheses. */
    static List<List<SqlToken>> splitOnCommas(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (SqlToken token : tokens) {
            if (token.isSymbol("(") || token.isSymbol("[")) depth++;
            if (token.isSymbol(")") || token.isSymbol("]")) depth--;
            if (depth == 0 && token.isSymbol(",")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty() || !parts.isEmpty()) parts.add(current);
        return parts;
    }
}
