package dev.retort.lint.internal;

import java.util.List;

/** A position in one statement's tokens, what {@link SqlReader} and {@link ActionReader} read from. */
abstract class TokenCursor {
    protected final List<SqlToken> tokens;
    protected int at;

    TokenCursor(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    /** The token at the position, null past the end. */
    protected final SqlToken peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    /** Whether the next tokens are these words (moving past them when they are). */
    protected final boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            SqlToken token = at + i < tokens.size() ? tokens.get(at + i) : null;
            if (token == null || !token.is(words[i])) return false;
        }
        at += words.length;
        return true;
    }

    /** The name at the position, moving past it; {@code where} completes the error's "expected a name". */
    protected final String name(String where) {
        SqlToken token = peek();
        if (token == null || !token.isName())
            throw new IllegalStateException("expected a name" + where + " at token " + (at + 1));
        at++;
        return token.spelled();
    }
}
