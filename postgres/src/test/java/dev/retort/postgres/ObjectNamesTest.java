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

    @Test
    void namesRetortWritesForWhatHasNoneAreCutWithAHashOnlyWhenTooLong() {
        assertEquals("orders_customer_id_fkey", ObjectNames.shortened("orders", "customer_id", "fkey"));
        String table = "t".repeat(40);
        String columns = "c".repeat(40);
        // 85 bytes whole: table and columns cut as PostgreSQL cuts them, around 8 hex digits of its SHA-256
        String name = ObjectNames.shortened(table, columns, "key");
        assertEquals(63, ObjectNames.bytes(name));
        assertEquals(true, name.matches("t{25}_c{24}_[0-9a-f]{8}_key"), name);
        assertEquals(name, ObjectNames.shortened(table, columns, "key"), "the same name always");
        assertEquals(false, name.equals(ObjectNames.shortened(table, "c".repeat(39) + "d", "key")));
    }
}
