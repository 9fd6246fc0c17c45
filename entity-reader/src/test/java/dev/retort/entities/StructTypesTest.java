package dev.retort.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Struct} embeddables read as the composite types Hibernate's schema export creates. */
class StructTypesTest {
    private static Schema read(String fixture) {
        return EntityReader.read(
                new EntitySource(List.of("dev.retort.fixtures.boot." + fixture), List.of(), Naming.JPA), "public");
    }

    @Test
    void aStructEmbeddableIsACompositeTypeInHibernatesAttributeOrder() {
        Schema schema = read("structs");
        // Hibernate's own DDL: create type postal_address as (zip integer, street varchar(80), city varchar(255))
        assertEquals(
                List.of(CompositeType.of(
                        "postal_address",
                        Attribute.of("zip", "integer"),
                        Attribute.of("street", "varchar(80)"),
                        Attribute.of("city", "varchar(255)"))),
                schema.types());
        assertEquals(
                List.of(
                        Column.of("id", "bigint").notNull(),
                        Column.of("name", "varchar(255)"),
                        Column.of("address", "postal_address")),
                schema.tables().get(0).columns());
    }

    @Test
    void aLongerAttributeIsOrderedLast() {
        assertEquals(
                List.of("zip", "street", "city", "zone"),
                read("structsv2").types().get(0).attributes().stream()
                        .map(Attribute::name)
                        .toList());
    }
}
