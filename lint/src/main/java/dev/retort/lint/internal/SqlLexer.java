package dev.retort.lint.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits hand-written SQL into statements and tokens as PostgreSQL's scanner does for the parts lint reads: quoted
 * identifiers ({@code ""} inside), string constants ({@code ''}, {@code E'...'} with backslash escapes, {@code U&},
 * dollar-quoted bodies), line and nested block comments (dropped), and semicolons outside all of them.
 */
final class SqlLexer {
    private final String sql;
    private int at;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** The statements of a text, each a list of tokens; empty statements are left out; null when a quote is never closed. */
    static List<List<SqlToken>> statements(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<List<SqlToken>> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        while (true) {
            SqlToken token;
            try {
                token = lexer.next();
            } catch (IllegalStateException unclosed) {
                return null;
            }
            if (token == null) break;
            if (token.isSymbol(";")) {
                if (!current.isEmpty()) statements.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) statements.add(current);
        return statements;
    }

    private SqlToken next() {
        skipSpaceAndComments();
        if (at >= sql.length()) return null;
        char c = sql.charAt(at);
        if (c == '"') return new SqlToken(SqlToken.Kind.QUOTED, quoted('"', false));
        if (c == '\'') return new SqlToken(SqlToken.Kind.STRING, quoted('\'', false));
        if ((c == 'e' || c == 'E') && peek(1) == '\'') {
            at++;
            return new SqlToken(SqlToken.Kind.STRING, quoted('\'', true));
        }
        if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            at += 2;
            char quote = sql.charAt(at);
            return new SqlToken(quote == '"' ? SqlToken.Kind.QUOTED : SqlToken.Kind.STRING, quoted(quote, false));
        }
        if (c == '$') {
            String tag = dollarTag();
            if (tag != null) return new SqlToken(SqlToken.Kind.STRING, dollarQuoted(tag));
        }
        if (Character.isLetter(c) || c == '_') {
            int start = at;
            while (at < sql.length()
                    && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_' || sql.charAt(at) == '$'))
                at++;
            return new SqlToken(SqlToken.Kind.WORD, sql.substring(start, at).toLowerCase(Locale.ROOT));
        }
        if (Character.isDigit(c)) {
            int start = at;
            while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '.')) at++;
            return new SqlToken(SqlToken.Kind.NUMBER, sql.substring(start, at));
        }
        at++;
        return new SqlToken(SqlToken.Kind.SYMBOL, String.valueOf(c));
    }

    private char peek(int ahead) {
        return at + ahead < sql.length() ? sql.charAt(at + ahead) : 0;
    }

    private void skipSpaceAndComments() {
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '-' && peek(1) == '-') {
                while (at < sql.length() && sql.charAt(at) != '\n') at++;
            } else if (c == '/' && peek(1) == '*') {
                int depth = 0;
                do {
                    if (at + 1 >= sql.length()) throw new IllegalStateException("unclosed comment");
                    if (sql.charAt(at) == '/' && peek(1) == '*') {
                        depth++;
                        at += 2;
                    } else if (sql.charAt(at) == '*' && peek(1) == '/') {
                        depth--;
                        at += 2;
                    } else {
                        at++;
                    }
                } while (depth > 0);
            } else {
                return;
            }
        }
    }

    /** The text between quotes, the doubled quote read as one; with {@code backslashes}, {@code \'} too. */
    private String quoted(char quote, boolean backslashes) {
        StringBuilder text = new StringBuilder();
        at++;
        while (true) {
            if (at >= sql.length()) throw new IllegalStateException("unclosed quote");
            char c = sql.charAt(at);
            if (backslashes && c == '\\' && at + 1 < sql.length()) {
                text.append(sql.charAt(at + 1));
                at += 2;
            } else if (c == quote && peek(1) == quote) {
                text.append(quote);
                at += 2;
            } else if (c == quote) {
                at++;
                return text.toString();
            } else {
                text.append(c);
                at++;
            }
        }
    }

    /** {@code $tag$} at the current position, or null when the dollar starts no quote. */
    private String dollarTag() {
        int end = at + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) end++;
        if (end >= sql.length() || sql.charAt(end) != '$') return null;
        if (end > at + 1 && Character.isDigit(sql.charAt(at + 1))) return null;
        return sql.substring(at, end + 1);
    }

    private String dollarQuoted(String tag) {
        int close = sql.indexOf(tag, at + tag.length());
        if (close < 0) throw new IllegalStateException("unclosed dollar quote");
        String body = sql.substring(at + tag.length(), close);
        at = close + tag.length();
        return body;
    }
}
