package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.retort.fixtures.hostile.HostileText;
import org.junit.jupiter.api.Test;

/** {@link Terminal#safe}: one line, no escape sequence, control or bidi character left raw; benign text unchanged. */
class TerminalTest {
    @Test
    void hostileTextComesOutOnOneLineWithNothingHidden() {
        for (String text : HostileText.ALL) {
            String safe = Terminal.safe(text);
            assertFalse(HostileText.hasRawHidden(safe) || safe.contains("\n"), () -> HostileText.firstRawHidden(safe));
        }
    }

    @Test
    void hiddenCharactersAreSpelledOut() {
        assertEquals("\\x{1b}[2J\\x{1b}[Hclear", Terminal.safe(HostileText.CLEAR_SCREEN));
        assertEquals("\\x{1b}]0;title\\x{7}osc", Terminal.safe(HostileText.WINDOW_TITLE));
        assertEquals("crlf\\r\\nDROP TABLE victim; --", Terminal.safe(HostileText.CRLF));
        assertEquals("\\x{202e}evil\\x{202c}", Terminal.safe("\u202eevil\u202c"));
        assertEquals("c\\x{1}\\x{8}\\x{b}\\x{c}\\x{7f}\\x{85}\\x{9b}", Terminal.safe(HostileText.CONTROLS));
    }

    @Test
    void benignTextIsUnchanged() {
        assertEquals("café 日本 Ωmega", Terminal.safe(HostileText.LETTERS));
        assertEquals("C:\\users\\data", Terminal.safe(HostileText.WINDOWS_PATH));
        assertEquals("add table \"orders\" -- it's $$ */", Terminal.safe("add table \"orders\" -- it's $$ */"));
        assertEquals("tab\\tstop", Terminal.safe("tab\tstop"));
        assertEquals("null", Terminal.safe(null));
    }
}
