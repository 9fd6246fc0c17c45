package dev.retort.postgres;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** The names of constraints and indexes: their own, or the one PostgreSQL gives them, within its 63-byte identifiers. */
final class ObjectNames {
    static final int MAX_IDENTIFIER_BYTES = 63;

    private ObjectNames() {}

    /**
     * The constraint's name, or {@code <table>_<hash>_check}: unnamed checks have no column list to
     * name them by, so a short hash of the expression keeps several on one table apart.
     */
    static String checkName(QualifiedName table, CheckConstraint check) {
        if (check.name() != null) return check.name();
        String hash = Integer.toHexString(check.expression().hashCode() & 0xfffffff);
        return defaultName(table.name(), hash, "check");
    }

    /** The index's name, or PostgreSQL's default {@code <table>_<columns>_idx} ({@code expr} for expressions). */
    static String indexName(QualifiedName table, Index index) {
        if (index.name() != null) return index.name();
        String columns = index.keys().stream()
                .map(k -> k.isExpression() ? "expr" : k.column())
                .collect(Collectors.joining("_"));
        return defaultName(table.name(), columns, "idx");
    }

    /** The key's name, or PostgreSQL's default {@code <table>_pkey}. */
    static String primaryKeyName(QualifiedName table, PrimaryKey key) {
        return key.name() != null ? key.name() : defaultName(table.name(), "", "pkey");
    }

    /** The constraint's name, or PostgreSQL's default {@code <table>_<columns>_key}. */
    static String uniqueName(QualifiedName table, UniqueConstraint unique) {
        return unique.name() != null
                ? unique.name()
                : defaultName(table.name(), String.join("_", unique.columns()), "key");
    }

    /** The key's name, or PostgreSQL's default {@code <table>_<columns>_fkey}. */
    static String foreignKeyName(QualifiedName table, ForeignKey key) {
        return key.name() != null ? key.name() : defaultName(table.name(), String.join("_", key.columns()), "fkey");
    }

    /**
     * The name PostgreSQL gives an unnamed constraint ({@code makeObjectName}): table, columns and
     * label joined by underscores, the longer of table and columns cut until the whole fits in 63 bytes.
     */
    static String defaultName(String table, String columns, String label) {
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

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static String truncate(String name, int maxBytes) {
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
}
