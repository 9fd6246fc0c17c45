package dev.retort.lint.internal;

import java.nio.charset.StandardCharsets;

/**
 * One token of hand-written SQL: a word (an unquoted identifier or keyword, {@code text} folded to lower case for
 * matching keywords, {@code spelled} as a name means it: folded on PostgreSQL, as written on MariaDB), a quoted
 * identifier (exact), a string constant, a number, or one punctuation character.
 */
record SqlToken(Kind kind, String text, String spelled) {
    enum Kind {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        SYMBOL
    }

    SqlToken(Kind kind, String text) {
        this(kind, text, text);
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
        return spelled.getBytes(StandardCharsets.UTF_8).length;
    }
}
