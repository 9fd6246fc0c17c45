package dev.retort.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.schema.Types.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "timestamp                         | timestamp",
                "timestamp without time zone       | timestamp",
                "TIMESTAMP WITH TIME ZONE          | timestamptz",
                "timestamptz                       | timestamptz",
                "time                              | time",
                "time with time zone               | timetz",
                "timestamp without time zone[]     | timestamp[]",
                "bpchar                            | bpchar",
                "timestamp(6)                      | -",
                "timestamp(0) without time zone    | -",
                "time(3)                           | -",
                "character varying(20)             | -",
                "integer                           | -",
                "\"Timestamp\"                     | -",
                "interval                          | -",
            })
    void keepsTheSpellingOfWhatNormalisingWouldStoreDifferently(String spelling, String kept) {
        assertEquals(kept, Types.storedSpelling(spelling));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "character varying(255)           | varchar(255)",
                "VARCHAR(255)                     | varchar(255)",
                "varchar                          | varchar",
                "int4                             | integer",
                "int                              | integer",
                "integer                          | integer",
                "int8                             | bigint",
                "int2                             | smallint",
                "float(53)                        | double precision",
                "float8                           | double precision",
                "float(24)                        | real",
                "float4                           | real",
                "bool                             | boolean",
                "character(1)                     | char(1)",
                "char                             | char(1)",
                "bpchar(3)                        | char(3)",
                "decimal(10, 2)                   | numeric(10,2)",
                "numeric(8)                       | numeric(8,0)",
                "numeric                          | numeric",
                "timestamp(6) without time zone   | timestamp(6)",
                "timestamp                        | timestamp(6)",
                "timestamp without time zone      | timestamp(6)",
                "timestamp(3)                     | timestamp(3)",
                "timestamp(6) with time zone      | timestamptz(6)",
                "timestamptz                      | timestamptz(6)",
                "time(6)                          | time(6)",
                "time with time zone              | timetz(6)",
                "integer[]                        | integer[]",
                "character varying(20)[]          | varchar(20)[]",
                "varchar(255) array               | varchar(255)[]",
                "integer ARRAY                    | integer[]",
                "varchar(40) array[10]            | varchar(40)[]",
                "integer[3][3]                    | integer[]",
                "timestamp(6) with time zone[]    | timestamptz(6)[]",
                "\"MyEnum\" array                 | \"MyEnum\"[]",
                "text                             | text",
                "bytea                            | bytea",
                "uuid                             | uuid",
                "jsonb                            | jsonb",
                "\"MyEnum\"                       | \"MyEnum\"",
            })
    void normalizesSpellingsOfTheSameType(String spelling, String canonical) {
        assertEquals(canonical, Types.normalize(spelling));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "varchar(30)   | varchar(30)   | NONE",
                "varchar(30)   | varchar(40)   | WIDENING_IN_PLACE",
                "varchar(40)   | varchar(30)   | LOSSY",
                "varchar(30)   | text          | WIDENING_IN_PLACE",
                "text          | varchar(255)  | LOSSY",
                "varchar(30)   | integer       | LOSSY",
                "numeric(10,2) | numeric(12,2) | WIDENING_IN_PLACE",
                "numeric(10,5) | numeric(10,6) | LOSSY",
                "numeric(8,0)  | numeric(10,2) | WIDENING_REWRITE",
                "numeric(12,2) | numeric(10,2) | LOSSY",
                "integer       | bigint        | WIDENING_REWRITE",
                "bigint        | integer       | LOSSY",
                "integer       | smallint      | LOSSY",
                "real          | float8        | WIDENING_REWRITE",
                "timestamp(3)  | timestamp(6)  | WIDENING_IN_PLACE",
                "timestamp     | timestamptz   | LOSSY",
            })
    void classifiesTypeChanges(String from, String to, Change expected) {
        assertEquals(expected, Types.classify(from, to));
    }

    @Test
    void keepsMariaDbEnumAndSetLabelsExactly() {
        assertEquals("enum('Sad','happy  days')", Types.normalize(" enum('Sad','happy  days') "));
        assertEquals("set('A','b')", Types.normalize("set('A','b')"));
        assertNull(Types.storedSpelling("enum('Sad','happy')"));
        assertEquals("float(10,2)", Types.normalize("float(10,2)"));
    }
}
