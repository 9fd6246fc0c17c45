package dev.retort;

/**
 * The shared spelling of characters that would hide or change what a reader sees: line breaks,
 * other control characters, terminal escape sequences, bidi overrides and other format
 * characters. Each target (Java comment, SQL comment, terminal) has its own escaping function
 * built on this one; letters of any script stay as they are.
 */
public final class VisibleText {
    private VisibleText() {}

    /**
     * The text with {@code \n}, {@code \r}, {@code \t} spelled out and every other hidden
     * character written {@code \x{1b}}; a backslash is doubled when {@code doubleBackslash}, so
     * that the spelled-out forms cannot be confused with text (and, in Java, so that no
     * {@code \}{@code u} escape survives).
     */
    public static String of(String text, boolean doubleBackslash) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == '\\') {
                out.append(doubleBackslash ? "\\\\" : "\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (hidden(c)) {
                out.append("\\x{").append(Integer.toHexString(c)).append('}');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Whether a character is invisible or acts on the display: controls (C0, DEL, C1), format characters, separators, lone surrogates. */
    public static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /** Whether {@link #of} would change the text (backslashes aside). */
    public static boolean hasHidden(String text) {
        return text.codePoints().anyMatch(VisibleText::hidden);
    }
}
