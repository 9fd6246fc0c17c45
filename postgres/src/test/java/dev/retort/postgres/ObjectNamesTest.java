package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {
    @Test
    void defaultNamesFollowPostgresTruncation() {
        String table = "t".repeat(40);
        String columns = "c".repeat(40);
        assertEquals("t".repeat(29) + "_" + "c".repeat(29) + "_key", ObjectNames.defaultName(table, columns, "key"));
        assertEquals(
                "t".repeat(40) + "_" + "c".repeat(17) + "_fkey",
                ObjectNames.defaultName(table, "c".repeat(17), "fkey"));
    }

    @Test
    void unnamedPrimaryKeysGetPostgresDefaultNameCutTo63Bytes() {
        String longName = "t".repeat(70);
        assertEquals(
                "t".repeat(58) + "_pkey", ObjectNames.primaryKeyName(QualifiedName.of(longName), PrimaryKey.of("id")));
        assertEquals(
                "custom",
                ObjectNames.primaryKeyName(
                        QualifiedName.of("x"), PrimaryKey.of("id").named("custom")));
    }
}
