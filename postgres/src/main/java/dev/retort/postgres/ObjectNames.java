package dev.retort.postgres;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;

/**
 * The names of constraints and indexes: their own, or the one Retort writes for them, within PostgreSQL's 63-byte
 * identifiers: PostgreSQL's default when it fits, else cut with a hash ({@link DefaultNames#shortened}); a primary
 * key's is always PostgreSQL's, which the server also gives the unnamed keys Hibernate creates.
 */
final class ObjectNames {
    static final int MAX_IDENTIFIER_BYTES = DefaultNames.MAX_IDENTIFIER_BYTES;

    private ObjectNames() {}

    /** The constraint's name, or {@code <table>_<hash>_check}: {@link DefaultNames#checkName}. */
    static String checkName(QualifiedName table, CheckConstraint check) {
        return DefaultNames.checkName(table, check);
    }

    /** The index's name, or {@code <table>_<columns>_idx} ({@code expr} for expressions), shortened. */
    static String indexName(QualifiedName table, Index index) {
        return DefaultNames.indexName(table, index);
    }

    /** The key's name, or PostgreSQL's default {@code <table>_pkey}. */
    static String primaryKeyName(QualifiedName table, PrimaryKey key) {
        return key.name() != null ? key.name() : defaultName(table.name(), "", "pkey");
    }

    /** The constraint's name, or {@code <table>_<columns>_key}, shortened. */
    static String uniqueName(QualifiedName table, UniqueConstraint unique) {
        return DefaultNames.uniqueName(table, unique);
    }

    /** The key's name, or {@code <table>_<columns>_fkey}, shortened. */
    static String foreignKeyName(QualifiedName table, ForeignKey key) {
        return key.name() != null ? key.name() : shortened(table.name(), String.join("_", key.columns()), "fkey");
    }

    /** The name PostgreSQL gives an unnamed constraint or index: see {@link DefaultNames#of}. */
    static String defaultName(String table, String columns, String label) {
        return DefaultNames.of(table, columns, label);
    }

    /** The name Retort writes for what has none: see {@link DefaultNames#shortened(String, String, String)}. */
    static String shortened(String table, String columns, String label) {
        return DefaultNames.shortened(table, columns, label);
    }

    static int bytes(String text) {
        return DefaultNames.bytes(text);
    }

    static String truncate(String name, int maxBytes) {
        return DefaultNames.truncate(name, maxBytes);
    }
}
