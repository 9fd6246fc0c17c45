package dev.retort.lint.internal;

import dev.retort.lint.internal.SqlStatement.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@link ActionReader}'s MariaDB counterpart: one action of a MariaDB {@code ALTER TABLE}, for {@link MariaDbReader}. */
final class MariaDbActionReader extends TokenCursor {
    /** Where a column's type ends in its definition. */
    private static final Set<String> AFTER_TYPE = Set.of(
            "null",
            "not",
            "default",
            "auto_increment",
            "comment",
            "collate",
            "character",
            "charset",
            "on",
            "invisible",
            "check",
            "references",
            "primary",
            "unique",
            "key",
            "first",
            "after",
            "generated",
            "as",
            "constraint",
            "compressed",
            "persistent",
            "stored",
            "virtual");

    MariaDbActionReader(List<SqlToken> tokens) {
        super(tokens);
    }

    private String name() {
        return name(" in ALTER TABLE");
    }

    /** The action; {@code CHANGE old new ...} is two, its rename and its new definition. */
    List<Action> actions() {
        if (accept("add")) return add();
        if (accept("modify")) {
            accept("column");
            accept("if", "exists");
            String column = name();
            return List.of(modify(column));
        }
        if (accept("change")) {
            accept("column");
            accept("if", "exists");
            String from = name();
            String to = name();
            Action modify = modify(to);
            return from.equalsIgnoreCase(to) ? List.of(modify) : List.of(new Action.Rename("column", from, to), modify);
        }
        if (accept("drop")) return List.of(drop());
        if (accept("rename", "column")) {
            String from = name();
            if (!accept("to")) throw new IllegalStateException("expected TO in RENAME COLUMN");
            return List.of(new Action.Rename("column", from, name()));
        }
        if (accept("rename", "index") || accept("rename", "key")) return List.of(new Action.Other("RENAME INDEX"));
        if (accept("rename")) {
            if (!accept("to")) accept("as");
            return List.of(new Action.Rename("table", null, name()));
        }
        SqlToken first = peek();
        return List.of(new Action.Other(first == null ? "" : first.text().toUpperCase()));
    }

    private List<Action> add() {
        int start = at;
        accept("column");
        accept("if", "not", "exists");
        if (peek() != null && peek().isSymbol("(")) return columns();
        at = start;
        return List.of(addOne());
    }

    private static final Set<String> NOT_A_COLUMN = Set.of(
            "constraint", "check", "foreign", "unique", "primary", "index", "key", "fulltext", "spatial", "period");

    /** {@code ADD [COLUMN] (a int, b int NOT NULL, ...)}: a column added per definition. */
    private List<Action> columns() {
        int end = tokens.size() - 1;
        if (end <= at || !tokens.get(end).isSymbol(")"))
            throw new IllegalStateException("expected ) to end ADD (column, ...)");
        List<Action> added = new ArrayList<>();
        for (List<SqlToken> part : SqlReader.splitOnCommas(tokens.subList(at + 1, end))) {
            if (part.isEmpty()
                    || (part.get(0).kind() == SqlToken.Kind.WORD
                            && NOT_A_COLUMN.contains(part.get(0).text())))
                throw new IllegalStateException("lint does not read a key inside ADD (column, ...); add it an action");
            MariaDbActionReader column = new MariaDbActionReader(part);
            added.add(column.addColumn(column.name()));
        }
        return added;
    }

    private Action addOne() {
        String constraintName = null;
        if (accept("constraint")) {
            SqlToken next = peek();
            boolean named = next != null
                    && next.isName()
                    && !(next.is("check") || next.is("unique") || next.is("primary") || next.is("foreign"));
            if (named) constraintName = name();
        }
        String kind = accept("check")
                ? "check"
                : accept("foreign", "key")
                        ? "foreign key"
                        : accept("unique") ? "unique" : accept("primary", "key") ? "primary key" : null;
        if (kind != null) return new Action.AddConstraint(constraintName, kind, false, false, null);
        if (constraintName != null) throw new IllegalStateException("expected a constraint after ADD CONSTRAINT");
        String method = accept("fulltext") ? "fulltext" : accept("spatial") ? "spatial" : null;
        if (accept("index") || accept("key") || method != null)
            return new Action.AddIndex(false, method == null ? "btree" : method);
        accept("column");
        accept("if", "not", "exists");
        String column = name();
        return addColumn(column);
    }

    /**
     * A column added: NOT NULL (or a primary key), its default, and whether MariaDB fills it row by row as it adds
     * it, {@code generated}: stored generated ({@code AS (...)} without {@code VIRTUAL}), {@code AUTO_INCREMENT} or
     * {@code SERIAL}.
     */
    private Action addColumn(String column) {
        boolean notNull = false;
        boolean generated = false;
        boolean virtual = false;
        List<SqlToken> defaultValue = null;
        for (int i = at; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.is("not") && i + 1 < tokens.size() && tokens.get(i + 1).is("null")) notNull = true;
            if (token.is("primary") || token.is("serial")) notNull = true;
            if (token.is("auto_increment") || token.is("serial")) generated = true;
            if ((token.is("as") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) || token.is("generated"))
                generated = true;
            if (token.is("virtual")) virtual = true;
            if (token.is("default")) defaultValue = defaultTokens(i + 1);
        }
        return new Action.AddColumn(column, notNull, defaultValue, generated && !virtual);
    }

    /** The default's expression: one token, or a parenthesised one, or a call. */
    private List<SqlToken> defaultTokens(int from) {
        List<SqlToken> expression = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(")) depth++;
            if (token.isSymbol(")")) depth--;
            expression.add(token);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (depth == 0 && !call && !token.is("next") && !token.is("value") && !token.is("for")) break;
        }
        return expression;
    }

    /** {@code MODIFY}'s definition: the type up to its first attribute, and whether it says NOT NULL. */
    private Action modify(String column) {
        StringBuilder type = new StringBuilder();
        boolean notNull = false;
        int depth = 0;
        for (; at < tokens.size(); at++) {
            SqlToken token = tokens.get(at);
            if (depth == 0 && token.kind() == SqlToken.Kind.WORD && AFTER_TYPE.contains(token.text())) break;
            if (token.isSymbol("(")) depth++;
            if (token.isSymbol(")")) depth--;
            char last = type.length() == 0 ? ' ' : type.charAt(type.length() - 1);
            boolean glue = token.kind() == SqlToken.Kind.SYMBOL || last == '(' || last == ',';
            if (type.length() > 0 && !glue) type.append(' ');
            type.append(token.kind() == SqlToken.Kind.STRING ? "'" + token.text() + "'" : token.text());
        }
        for (int i = at; i + 1 < tokens.size(); i++)
            if (tokens.get(i).is("not") && tokens.get(i + 1).is("null")) notNull = true;
        for (int i = at; i + 1 < tokens.size(); i++) if (tokens.get(i).is("primary")) notNull = true;
        if (type.length() == 0) throw new IllegalStateException("expected a type in MODIFY");
        return new Action.Modify(column, type.toString(), notNull);
    }

    private Action drop() {
        if (accept("index") || accept("key")) {
            accept("if", "exists");
            return new Action.DropIndex(name());
        }
        if (accept("primary", "key")) return new Action.Other("DROP PRIMARY KEY");
        if (accept("foreign", "key") || accept("constraint") || accept("check")) {
            accept("if", "exists");
            return new Action.DropConstraint(name());
        }
        accept("column");
        accept("if", "exists");
        return new Action.DropColumn(name());
    }
}
