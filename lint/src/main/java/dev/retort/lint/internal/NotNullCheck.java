package dev.retort.lint.internal;

import java.util.List;

/** Reads a check's expression: the column of {@code c IS NOT NULL} (in parentheses or not, quoted or not), or nothing. */
final class NotNullCheck {
    private NotNullCheck() {}

    static String column(String expression) {
        List<List<SqlToken>> statements = SqlLexer.statements(expression);
        if (statements == null || statements.size() != 1) return null;
        List<SqlToken> tokens = statements.get(0);
        while (tokens.size() >= 2
                && tokens.get(0).isSymbol("(")
                && tokens.get(tokens.size() - 1).isSymbol(")")) tokens = tokens.subList(1, tokens.size() - 1);
        if (tokens.size() == 4
                && tokens.get(0).isName()
                && tokens.get(1).is("is")
                && tokens.get(2).is("not")
                && tokens.get(3).is("null")) return tokens.get(0).text();
        return null;
    }
}
