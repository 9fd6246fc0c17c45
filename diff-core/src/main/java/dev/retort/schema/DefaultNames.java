package dev.retort.schema;

import java.nio.charset.StandardCharsets;

/**
 * The names PostgreSQL gives what is created without one (a constraint, an index, a {@code serial}
 * column's sequence), within its 63-byte identifiers; both readers name such objects by it.
 */
public final class DefaultNames {
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private DefaultNames() {}

    /**
     * The name PostgreSQL gives an unnamed constraint ({@code makeObjectName}): table, columns and
     * label joined by underscores, the longer of table and columns cut until the whole fits in 63 bytes.
     */
    public static String of(String table, String columns, String label) {
        int overhead = label.length() + 1 + (columns.isEmpty() ? 0 : 1);
        int tableBytes = bytes(table);
        int columnBytes = bytes(columns);
        while (tableBytes + columnBytes > MAX_IDENTIFIER_BYTES - overhead) {
            if (tableBytes > columnBytes) tableBytes--;
            else columnBytes--;
        }
        String name = truncate(table, tableBytes);
        if (!columns.isEmpty()) name += "_" + truncate(columns, columnBytes);
        return name + "_" + label;
    }

    public static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    public static String truncate(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return name;
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int cp : name.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) break;
            cut.appendCodePoint(cp);
            bytes += size;
        }
        return cut.toString();
    }

    /** A {@code serial} column's sequence, {@code <table>_<column>_seq}. */
    public static String serialSequence(String table, String column) {
        return of(table, column, "seq");
    }
}
