package dev.retort.cli;

import dev.retort.VisibleText;

/**
 * The way untrusted text (names, comments, labels, messages, server errors) reaches the
 * terminal: on one line, with no escape sequence, control or bidi character left raw.
 */
final class Terminal {
    private Terminal() {}

    /** The text with line breaks and hidden characters spelled out ({@code \n}, {@code \x{1b}}); backslashes stay. */
    static String safe(String text) {
        return VisibleText.of(String.valueOf(text), false);
    }
}
