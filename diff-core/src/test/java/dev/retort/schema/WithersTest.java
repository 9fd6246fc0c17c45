package dev.retort.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The named factories and withers build the same records as the canonical constructors, validation included. */
class WithersTest {
    private static final QualifiedName USERS = QualifiedName.of("users");

    @Test
    void columnFactoryAndWithersSetOneComponentEach() {
        assertEquals(
                new Column("a", "int4", true, Identity.NONE, null, null, null, null, IdentityOptions.DEFAULT, null),
                Column.of("a", "int4"));
        assertEquals(
                new Column(
                        "a",
                        "text",
                        false,
                        Identity.NONE,
                        ColumnDefault.of("'x'"),
                        "note",
                        null,
                        "\"C\"",
                        IdentityOptions.DEFAULT,
                        null),
                Column.of("a", "text")
                        .notNull()
                        .defaultValue("'x'")
                        .comment("note")
                        .collate("\"C\""));
        assertEquals(
                new Column(
                        "id",
                        "bigint",
                        false,
                        Identity.ALWAYS,
                        null,
                        null,
                        null,
                        null,
                        IdentityOptions.DEFAULT.start(10),
                        null),
                Column.of("id", "bigint").identityAlways().withIdentityOptions(IdentityOptions.DEFAULT.start(10)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Column.of("id", "bigint").identityAlways().defaultValue("1"),
                "an identity column has no default, however it is built");
    }

    @Test
    void aTypeStoredWithoutItsDefaultPrecisionKeepsItsSpellingThroughEveryWitherButWithType() {
        Column seen = Column.of("seen", "timestamp without time zone");
        assertEquals("timestamp(6)", seen.type());
        assertEquals("timestamp", seen.spelling());
        assertEquals(
                "timestamp", seen.notNull().defaultValue("now()").comment("x").sqlType());
        assertEquals("text", seen.withType("text").sqlType());
        assertEquals(null, seen.withType("timestamp(6)").spelling());
        assertEquals(Column.of("seen", "timestamp(6)"), seen.withoutSpelling());
        assertEquals(true, seen.sameAs(Column.of("seen", "timestamp(6)")), "compared as stored values, not spellings");
        assertEquals(false, seen.equals(Column.of("seen", "timestamp(6)")), "yet not the same record");
        assertEquals(
                "varchar(20)", Column.of("n", "character varying(20)").sqlType(), "stored alike: no spelling kept");
        IllegalArgumentException wrong = assertThrows(
                IllegalArgumentException.class,
                () -> new Column("t", "time", true, Identity.NONE, null, null, null, null, null, "timestamp"));
        assertEquals("column t: spelling timestamp is not type time(6)", wrong.getMessage());
    }

    @Test
    void tableFactoryAndWithersSetOneComponentEach() {
        Column id = Column.of("id", "bigint");
        Column email = Column.of("email", "text");
        UniqueConstraint unique = UniqueConstraint.of("email");
        ForeignKey key = ForeignKey.Columns.of("id").references("accounts", "id");
        CheckConstraint check = CheckConstraint.of("id > 0");
        Index index = Index.on("email");
        Table canonical = new Table(
                USERS,
                List.of(id, email),
                PrimaryKey.of("id"),
                List.of(unique),
                List.of(key),
                List.of(check),
                List.of(index),
                "people");
        assertEquals(
                canonical,
                Table.of(USERS, List.of(id, email))
                        .withPrimaryKey(PrimaryKey.of("id"))
                        .withUniques(List.of(unique))
                        .withForeignKeys(List.of(key))
                        .withChecks(List.of(check))
                        .withIndexes(List.of(index))
                        .withComment("people"));
        assertEquals(canonical, Table.of(USERS, canonical.elements()));
        assertEquals(id.notNull(), canonical.columns().get(0), "primary-key columns are NOT NULL either way");
    }

    @Test
    void indexFactoryAndWithersSetOneComponentEach() {
        List<Index.Key> keys = List.of(Index.Key.of("a").desc());
        assertEquals(new Index(null, keys, false, "btree", List.of(), null, false), Index.of(keys));
        assertEquals(
                new Index("i", keys, true, "hash", List.of("b"), "(a > 0)", true),
                Index.of(keys)
                        .withUnique(true)
                        .using("hash")
                        .withInclude(List.of("b"))
                        .where("(a > 0)")
                        .withNullsNotDistinct(true)
                        .named("i"));
        assertEquals(Index.of(keys).withNullsNotDistinct(true), Index.of(keys), "only a unique index has the flag");
    }

    @Test
    void foreignKeyAndSequenceFactories() {
        QualifiedName accounts = new QualifiedName("crm", "accounts");
        assertEquals(
                new ForeignKey(
                        null,
                        List.of("a"),
                        accounts,
                        List.of("id"),
                        ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.NO_ACTION,
                        false,
                        false,
                        true),
                ForeignKey.of(List.of("a"), accounts, List.of("id")));
        ForeignKey key = ForeignKey.of(List.of("a"), accounts, List.of("id"));
        assertEquals(false, key.notValid().valid());
        assertEquals(key, key.notValid().validated());
        assertEquals(key.shape(), key.notValid().named("k").shape(), "matched whatever its name and validity");
        assertEquals(
                ForeignKey.Columns.of("a").referencesIn("crm", "accounts", "id"),
                ForeignKey.of(List.of("a"), accounts, List.of("id")));
        assertEquals(new Sequence(accounts, "bigint", 1, 50, null, null, 1, false, null), Sequence.of(accounts, 1, 50));
        assertEquals(
                Sequence.of(accounts, 1, 1).as("integer"),
                Sequence.of(accounts, 1, 1)
                        .as("int4")
                        .maxValue(Integer.MAX_VALUE)
                        .minValue(1),
                "bounds that are the type's defaults are no bounds");
        assertEquals(
                Sequence.of(accounts, -1, -1),
                Sequence.of(accounts, -1, -1).maxValue(-1).minValue(Long.MIN_VALUE),
                "a descending sequence's default bounds");
        assertEquals(
                "as smallint start 5 increment 1 minvalue 5 cache 20 cycle",
                Sequence.of(accounts, 5, 1)
                        .as("smallint")
                        .minValue(5)
                        .cache(20)
                        .withCycle()
                        .options());
    }
}
