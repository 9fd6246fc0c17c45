package dev.retort.codegen;

import dev.retort.VisibleText;

/**
 * The way untrusted text (names, comments, labels, defaults, messages) enters generated Java
 * (comments, Javadoc, string literals).
 */
public final class JavaText {
    private JavaText() {}

    /**
     * Text for a {@code //} comment: one line, and no backslash left single, since javac reads
     * Unicode escapes inside comments ({@code \}{@code u000a} would end the comment).
     */
    public static String comment(String text) {
        return VisibleText.of(text, true);
    }

    /**
     * A string literal holding exactly the text: quote, backslash and line breaks escaped, hidden
     * characters (controls, bidi, separators, format characters) as Unicode escapes so a reviewer
     * sees them, letters as they are; {@code null} for null. JavaPoet's {@code $S} is not used
     * since it turns U+2028 and U+2029 into raw line breaks, which end the literal.
     */
    public static String string(String text) {
        if (text == null) return "null";
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (!VisibleText.hidden(c)) {
                        out.appendCodePoint(c);
                    } else {
                        for (char unit : Character.toChars(c)) out.append(String.format("\\u%04x", (int) unit));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Text for Javadoc: a {@link #comment} that also cannot close the comment, start markup or a tag. */
    public static String javadoc(String text) {
        return comment(text)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }
}
