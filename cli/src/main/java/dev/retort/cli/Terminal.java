package dev.retort.cli;

import dev.retort.VisibleText;
import java.io.PrintWriter;
import java.util.List;

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

    /** Retort's own text of several lines (each untrusted part made one line already), each line made safe. */
    static void printLines(PrintWriter out, String prefix, String text) {
        List<String> lines = String.valueOf(text).lines().toList();
        for (int i = 0; i < lines.size(); i++) out.println((i == 0 ? prefix : "") + safe(lines.get(i)));
    }
}
