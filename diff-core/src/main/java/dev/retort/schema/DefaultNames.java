package dev.retort.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names PostgreSQL gives what is created without one (a constraint, an index, a {@code serial}
 * column's sequence), within its 63-byte identifiers; both readers name such objects by it. Names
 * Retort writes into SQL itself are {@link #shortened} instead, never left for the server to cut.
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

    /**
     * The name Retort writes for an index or constraint that has none: {@code <table>_<columns>_<label>}
     * as it is within 63 bytes (then the one PostgreSQL would choose); longer, cut as PostgreSQL cuts
     * ({@link #of}) around 8 hex digits of the SHA-256 of the whole name, put before the label, so that
     * two long names sharing a start stay apart and a name always gets the same short one.
     */
    public static String shortened(String table, String columns, String label) {
        String whole = columns.isEmpty() ? table + "_" + label : table + "_" + columns + "_" + label;
        if (bytes(whole) <= MAX_IDENTIFIER_BYTES) return whole;
        return of(table, columns, hash(whole) + "_" + label);
    }

    /**
     * A check's name, or the one Retort writes for an unnamed one, {@code <table>_<hash>_check} ({@link #shortened}):
     * unnamed checks have no column list to name them by, so a short hash of the expression keeps several on one
     * table apart; both renderers write it, so that a downgrade can name what it drops.
     */
    public static String checkName(QualifiedName table, CheckConstraint check) {
        if (check.name() != null) return check.name();
        String hash = Integer.toHexString(check.expression().hashCode() & 0xfffffff);
        return shortened(table.name(), hash, "check");
    }

    /**
     * A unique constraint's name, or the one Retort writes for an unnamed one, {@code <table>_<columns>_key}
     * ({@link #shortened}): PostgreSQL's constraint and its index, and MariaDB's unique index, which MariaDB would name
     * after its first column ({@code code}, then {@code code_2}, ...), so that a downgrade drops this one and no
     * other; on both databases the index an online form builds for it ({@code USING INDEX}).
     */
    public static String uniqueName(QualifiedName table, UniqueConstraint unique) {
        return unique.name() != null
                ? unique.name()
                : shortened(table.name(), String.join("_", unique.columns()), "key");
    }

    /**
     * An index's name, or the one Retort writes for an unnamed one, {@code <table>_<columns>_idx} ({@code expr} for an
     * expression key), {@link #shortened}: PostgreSQL's default, and on MariaDB, which would name it after its first
     * column ({@code code}, then {@code code_2}, ...), the name that lets a downgrade drop this index and no other.
     */
    public static String indexName(QualifiedName table, Index index) {
        if (index.name() != null) return index.name();
        StringBuilder columns = new StringBuilder();
        for (Index.Key key : index.keys()) {
            if (columns.length() > 0) columns.append('_');
            columns.append(key.isExpression() ? "expr" : key.column());
        }
        return shortened(table.name(), columns.toString(), "idx");
    }

    /** A name cut to 63 bytes with a hash of the whole name, as {@link #shortened}: {@code name} itself when it fits. */
    public static String shortened(String name) {
        if (bytes(name) <= MAX_IDENTIFIER_BYTES) return name;
        String tail = "_" + hash(name);
        return truncate(name, MAX_IDENTIFIER_BYTES - tail.length()) + tail;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
