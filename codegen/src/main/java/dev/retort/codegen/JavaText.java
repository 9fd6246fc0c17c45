package dev.retort.codegen;

import dev.retort.VisibleText;

/**
 * The way untrusted text (names, comments, labels, defaults, messages) enters generated Java
 * outside a string literal; string literals go through JavaPoet's {@code $S}.
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

    /** Text for Javadoc: a {@link #comment} that also cannot close the comment, start markup or a tag. */
    public static String javadoc(String text) {
        return comment(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;");
    }
}
