package dev.retort.lint.internal;

import dev.retort.lint.internal.SqlStatement.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one action of an {@code ALTER TABLE}, the tokens between two commas, for {@link SqlReader}. */
final class ActionReader extends TokenCursor {
    ActionReader(List<SqlToken> tokens) {
        super(tokens);
    }

    private String name() {
        return name(" in ALTER TABLE");
    }

    Action action() {
        if (accept("add")) return add();
        if (accept("alter")) {
            accept("column");
            String column = name();
            if (accept("set", "not", "null")) return new Action.SetNotNull(column);
            if (accept("set", "data", "type") || accept("type")) return new Action.AlterType(column, type());
            return new Action.Other("ALTER COLUMN");
        }
        if (accept("validate", "constraint")) return new Action.ValidateConstraint(name());
        if (accept("drop", "constraint")) {
            accept("if", "exists");
            return new Action.DropConstraint(name());
        }
        if (accept("drop")) {
            accept("column");
            accept("if", "exists");
            return new Action.DropColumn(name());
        }
        if (accept("rename", "to")) return new Action.Rename("table", null, name());
        if (accept("rename", "constraint")) {
            String from = name();
            accept("to");
            return new Action.Rename("constraint", from, name());
        }
        if (accept("rename")) {
            accept("column");
            String from = name();
            if (!accept("to")) throw new IllegalStateException("expected TO in RENAME");
            return new Action.Rename("column", from, name());
        }
        SqlToken first = peek();
        return new Action.Other(first == null ? "" : first.text().toUpperCase());
    }

    private Action add() {
        String constraintName = accept("constraint") ? name() : null;
        String kind = accept("check")
                ? "check"
                : accept("foreign", "key")
                        ? "foreign key"
                        : accept("unique") ? "unique" : accept("primary", "key") ? "primary key" : null;
        if (kind == null && accept("exclude")) kind = "exclude";
        if (kind != null) {
            String notNullOf = kind.equals("check") ? notNullColumn() : null;
            boolean notValid = false;
            for (int i = at; i + 1 < tokens.size(); i++)
                if (tokens.get(i).is("not") && tokens.get(i + 1).is("valid")) notValid = true;
            boolean usingIndex = false;
            for (int i = at; i + 1 < tokens.size(); i++)
                if (tokens.get(i).is("using") && tokens.get(i + 1).is("index")) usingIndex = true;
            return new Action.AddConstraint(constraintName, kind, notValid, usingIndex, notNullOf);
        }
        if (constraintName != null) throw new IllegalStateException("expected a constraint after ADD CONSTRAINT");
        accept("column");
        accept("if", "not", "exists");
        String column = name();
        return addColumn(column);
    }

    /** The column of {@code CHECK (c IS NOT NULL)}, or null for any other check. */
    private String notNullColumn() {
        List<SqlToken> rest = tokens.subList(at, tokens.size());
        if (rest.size() >= 6
                && rest.get(0).isSymbol("(")
                && rest.get(1).isName()
                && rest.get(2).is("is")
                && rest.get(3).is("not")
                && rest.get(4).is("null")
                && rest.get(5).isSymbol(")")) return rest.get(1).text();
        return null;
    }

    private Action addColumn(String column) {
        boolean notNull = false;
        boolean generated = false;
        List<SqlToken> defaultValue = null;
        for (int i = at; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.is("not") && i + 1 < tokens.size() && tokens.get(i + 1).is("null")) notNull = true;
            if (token.is("primary")) notNull = true;
            if (token.is("generated")) generated = true;
            if (token.is("serial") || token.is("bigserial") || token.is("smallserial")) {
                defaultValue = List.of(new SqlToken(SqlToken.Kind.WORD, "nextval"));
            }
            if (token.is("default")) defaultValue = defaultTokens(i + 1);
        }
        return new Action.AddColumn(column, notNull, defaultValue, generated);
    }

    /** The default's expression: up to the next constraint keyword outside parentheses. */
    private List<SqlToken> defaultTokens(int from) {
        Set<String> stops =
                Set.of("not", "null", "constraint", "check", "unique", "primary", "references", "collate", "generated");
        List<SqlToken> expression = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (depth == 0 && token.kind() == SqlToken.Kind.WORD && stops.contains(token.text())) break;
            if (token.isSymbol("(")) depth++;
            if (token.isSymbol(")")) depth--;
            expression.add(token);
        }
        return expression;
    }

    /** The type after {@code TYPE}, written back as one string ({@code varchar(40)}), up to {@code USING} or {@code COLLATE}. */
    private String type() {
        StringBuilder type = new StringBuilder();
        for (; at < tokens.size(); at++) {
            SqlToken token = tokens.get(at);
            if (token.is("using") || token.is("collate")) break;
            char last = type.length() == 0 ? ' ' : type.charAt(type.length() - 1);
            boolean glue = token.kind() == SqlToken.Kind.SYMBOL || last == '(' || last == ',';
            if (type.length() > 0 && !glue) type.append(' ');
            type.append(token.kind() == SqlToken.Kind.QUOTED ? '"' + token.text() + '"' : token.text());
        }
        if (type.length() == 0) throw new IllegalStateException("expected a type after TYPE");
        return type.toString();
    }
}
