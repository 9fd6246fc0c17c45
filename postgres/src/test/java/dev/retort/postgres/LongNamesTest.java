package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddUnique;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Names over PostgreSQL's 63 bytes (counted in UTF-8): the ones the server makes are predicted as it cuts them,
 * the ones Retort writes are cut with a hash and reach the server whole.
 */
class LongNamesTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** 43 characters, 60 bytes: "ü" and "ä" are two bytes each. */
    private static final String TABLE = "übersicht_der_bestellungen_" + "ä".repeat(16);

    /** Two columns of 41 bytes sharing their first 40. */
    private static final String COLUMN_A = "lieferadresse_straße_hausnummer_zusatz_a";

    private static final String COLUMN_B = "lieferadresse_straße_hausnummer_zusatz_b";

    @BeforeEach
    void emptyDatabase() throws Exception {
        db.reset();
    }

    @Test
    void namesTheServerMakesArePredictedAsItCutsThem() throws Exception {
        db.execute("CREATE TABLE \"" + TABLE + "\" (id serial PRIMARY KEY, \"" + COLUMN_A + "\" int UNIQUE)");
        db.execute("CREATE INDEX ON \"" + TABLE + "\" (\"" + COLUMN_A + "\")");
        assertEquals(
                List.of(
                        "übersicht_der_bestellungen__lieferadresse_straße_hausnum_idx",
                        "übersicht_der_bestellungen__lieferadresse_straße_hausnum_key",
                        "übersicht_der_bestellungen_" + "ä".repeat(14) + "_id_seq",
                        "übersicht_der_bestellungen_" + "ä".repeat(15) + "_pkey"),
                db.query("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                        + " AND relkind IN ('i', 'S') ORDER BY relname COLLATE \"C\""));
        assertEquals("übersicht_der_bestellungen_" + "ä".repeat(15) + "_pkey", DefaultNames.of(TABLE, "", "pkey"));
        assertEquals(
                "übersicht_der_bestellungen__lieferadresse_straße_hausnum_idx",
                DefaultNames.of(TABLE, COLUMN_A, "idx"));
        assertEquals(
                "übersicht_der_bestellungen__lieferadresse_straße_hausnum_key",
                DefaultNames.of(TABLE, COLUMN_A, "key"));
        assertEquals(
                "übersicht_der_bestellungen_" + "ä".repeat(14) + "_id_seq", DefaultNames.serialSequence(TABLE, "id"));
        // a primary key without a name is the server's: Retort writes the same name when it creates one
        assertEquals(
                DefaultNames.of(TABLE, "", "pkey"), PostgresSql.name(QualifiedName.of(TABLE), PrimaryKey.of("id")));
    }

    @Test
    void namesRetortWritesAreCutWithAHashAndReachTheServerWhole() throws Exception {
        db.execute("CREATE TABLE \"" + TABLE + "\" (id int PRIMARY KEY, \"" + COLUMN_A + "\" int, \"" + COLUMN_B
                + "\" int)");
        QualifiedName table = QualifiedName.of(TABLE);
        List<Op> ops = List.of(
                new AddUnique(table, new UniqueConstraint(null, List.of(COLUMN_A))),
                new AddUnique(table, new UniqueConstraint(null, List.of(COLUMN_B))),
                new CreateIndex(table, Index.of(List.of(Index.Key.of(COLUMN_A), Index.Key.of(COLUMN_B)))),
                new AddForeignKey(table, ForeignKey.of(List.of(COLUMN_A), table, List.of("id"))));
        for (Op op : ops) for (String sql : PostgresSql.statements(op)) db.execute(sql);

        String keyA = "übersicht_der_bestellung_lieferadresse_straße_ha_99bac048_key";
        String keyB = "übersicht_der_bestellung_lieferadresse_straße_ha_6b3ed42a_key";
        assertEquals("99bac048", hash(TABLE + "_" + COLUMN_A + "_key"));
        assertEquals(63, keyA.getBytes(StandardCharsets.UTF_8).length);
        assertNotEquals(keyA, keyB, "two long names sharing a start stay apart");
        assertEquals(keyA, PostgresSql.name(table, new UniqueConstraint(null, List.of(COLUMN_A))));
        List<String> names = db.query("SELECT conname FROM pg_constraint WHERE conrelid = '\"" + TABLE
                + "\"'::regclass AND contype IN ('u', 'f') ORDER BY conname COLLATE \"C\"");
        assertEquals(3, names.size(), names.toString());
        for (String name : names) assertEquals(true, name.getBytes(StandardCharsets.UTF_8).length <= 63, name);
        assertEquals(true, names.contains(keyA) && names.contains(keyB), names.toString());
        assertEquals(
                List.of("übersicht_der_bestellung_lieferadresse_straße_ha_a4bad14a_idx"),
                db.query("SELECT relname FROM pg_class WHERE relkind = 'i' AND relname LIKE '%idx'"));
        assertEquals(
                true, names.contains("übersicht_der_bestellun_lieferadresse_straße_ha_0804bb1c_fkey"), names::toString);

        for (String sql : PostgresSql.statements(new DropUnique(table, new UniqueConstraint(null, List.of(COLUMN_B)))))
            db.execute(sql);
        assertEquals(
                List.of(keyA),
                db.query("SELECT conname FROM pg_constraint WHERE conrelid = '\"" + TABLE
                        + "\"'::regclass AND contype = 'u'"));
    }

    private static String hash(String whole) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(whole.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 8);
    }
}
