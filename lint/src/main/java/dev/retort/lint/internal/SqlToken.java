package dev.retort.lint.internal;

import java.nio.charset.StandardCharsets;

/**
 * One token of PostgreSQL SQL: a word (an unquoted identifier or keyword, folded to lower case as PostgreSQL folds
 * it), a quoted identifier (exact), a string constant, a number, or one punctuation character.
 */
record SqlToken(Kind kind, String text) {
    enum Kind {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        SYMBOL
    }

    boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    int bytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
