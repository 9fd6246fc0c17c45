package dev.retort.lint.internal;

import dev.retort.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits hand-written SQL into statements and tokens as the database's scanner does for the parts lint reads.
 * PostgreSQL's: quoted identifiers ({@code ""} inside), string constants ({@code ''}, {@code E'...'} with backslash
 * escapes, {@code U&}, dollar-quoted bodies), line and nested block comments (dropped). MariaDB's (its default {@code
 * sql_mode}): identifiers in backticks ({@code ``} inside), strings in single or double quotes with backslash escapes
 * and doubled quotes, {@code #} and {@code -- } (a space after the dashes) line comments, block comments that do not
 * nest, and the contents of an executable comment ({@code /*! ... *}{@code /}, {@code /*M! ...}) read as the server
 * runs them; unquoted names keep their case. Then semicolons outside all of them.
 */
final class SqlLexer {
    private final String sql;
    private final boolean mariaDb;
    private int at;
    private boolean inExecutableComment;

    private SqlLexer(String sql, boolean mariaDb) {
        this.sql = sql;
        this.mariaDb = mariaDb;
    }

    /** PostgreSQL's {@link #statements(String, Dialect)}. */
    static List<List<SqlToken>> statements(String sql) {
        return statements(sql, Dialect.POSTGRESQL);
    }

    /** The statements of a text, each a list of tokens; empty statements are left out; null when a quote is never closed. */
    static List<List<SqlToken>> statements(String sql, Dialect dialect) {
        SqlLexer lexer = new SqlLexer(sql, dialect == Dialect.MARIADB);
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
        if (mariaDb) return mariaDbToken(c);
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
        return wordNumberOrSymbol(c);
    }

    private SqlToken mariaDbToken(char c) {
        if (c == '`') return new SqlToken(SqlToken.Kind.QUOTED, quoted('`', false));
        if (c == '\'' || c == '"') return new SqlToken(SqlToken.Kind.STRING, quoted(c, true));
        return wordNumberOrSymbol(c);
    }

    private SqlToken wordNumberOrSymbol(char c) {
        if (Character.isLetter(c) || c == '_') {
            int start = at;
            while (at < sql.length()
                    && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_' || sql.charAt(at) == '$'))
                at++;
            String word = sql.substring(start, at);
            String folded = word.toLowerCase(Locale.ROOT);
            return new SqlToken(SqlToken.Kind.WORD, folded, mariaDb ? word : folded);
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
        if (mariaDb) {
            mariaDbSpaceAndComments();
            return;
        }
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

    /** MariaDB's: {@code #} and {@code -- } lines, {@code /* *}{@code /} blocks (not nested), an executable comment opened. */
    private void mariaDbSpaceAndComments() {
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '#' || (c == '-' && peek(1) == '-' && (peek(2) == 0 || peek(2) <= ' '))) {
                while (at < sql.length() && sql.charAt(at) != '\n') at++;
            } else if (c == '/' && peek(1) == '*' && (peek(2) == '!' || (peek(2) == 'M' && peek(3) == '!'))) {
                if (inExecutableComment) throw new IllegalStateException("nested executable comment");
                inExecutableComment = true;
                at += peek(2) == '!' ? 3 : 4;
                while (at < sql.length() && Character.isDigit(sql.charAt(at))) at++;
            } else if (c == '/' && peek(1) == '*') {
                int close = sql.indexOf("*/", at + 2);
                if (close < 0) throw new IllegalStateException("unclosed comment");
                at = close + 2;
            } else if (c == '*' && peek(1) == '/' && inExecutableComment) {
                inExecutableComment = false;
                at += 2;
            } else {
                return;
            }
        }
        if (inExecutableComment) throw new IllegalStateException("unclosed comment");
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
