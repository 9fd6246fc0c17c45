package dev.retort.adversarial;

import java.util.stream.Collectors;

/** Test-side spelling of hostile text in SQL, independent of the code under test: every character as a Unicode escape. */
final class HostileSql {
    private HostileSql() {}

    static String ident(String text) {
        return "U&\"" + escaped(text) + "\"";
    }

    static String literal(String text) {
        return "U&'" + escaped(text) + "'";
    }

    private static String escaped(String text) {
        return text.codePoints().mapToObj(c -> String.format("\\+%06x", c)).collect(Collectors.joining());
    }
}
