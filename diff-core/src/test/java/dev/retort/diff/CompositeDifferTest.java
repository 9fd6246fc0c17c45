package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.op.AlterType;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateType;
import dev.retort.op.DropEnum;
import dev.retort.op.DropTable;
import dev.retort.op.DropType;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Composite types ({@code @Struct} embeddables): created before the tables that use them, changed in place. */
class CompositeDifferTest {
    private static final Attribute ZIP = Attribute.of("zip", "integer");
    private static final Attribute STREET = Attribute.of("street", "character varying(80)");
    private static final Attribute CITY = Attribute.of("city", "varchar(255)");
    private static final CompositeType ADDRESS = CompositeType.of("postal_address", ZIP, STREET, CITY);
    private static final Table PEOPLE =
            Table.of(QualifiedName.of("people"), List.of(Column.of("address", "postal_address")));

    private static Schema schema(List<Table> tables, CompositeType... types) {
        return new Schema(tables, List.of(), List.of()).withTypes(List.of(types));
    }

    private static AlterType alter(Attribute... to) {
        return new AlterType(ADDRESS, CompositeType.of("postal_address", to));
    }

    @Test
    void attributeTypesAreNormalised() {
        assertEquals("varchar(80)", STREET.type());
    }

    @Test
    void aNewTypeComesBeforeTheTableThatUsesItAndGoesAfterIt() {
        // named after the table, and after an enum type, so neither the name nor the enum phase orders it
        CompositeType zeta = CompositeType.of("zeta", Attribute.of("mood", "mood"));
        Table alpha = Table.of(QualifiedName.of("alpha"), List.of(Column.of("z", "zeta")));
        Schema target =
                new Schema(List.of(alpha), List.of(), List.of(EnumType.of("mood", "sad"))).withTypes(List.of(zeta));
        Plan plan = Differ.diff(Schema.EMPTY, target);
        assertEquals(List.of(CreateEnum.class, CreateType.class, CreateTable.class), classes(plan.upgrade()));
        assertEquals(List.of(DropTable.class, DropType.class, DropEnum.class), classes(plan.downgrade()));
    }

    @Test
    void anAttributeAddedAtTheEndIsAddedInPlaceWithoutHazard() {
        Attribute note = Attribute.of("note", "varchar(1000)");
        List<Op> ops = Differ.diff(
                        schema(List.of(PEOPLE), ADDRESS),
                        schema(List.of(PEOPLE), ADDRESS.withAttributes(ZIP, STREET, CITY, note)))
                .upgrade();
        assertEquals(List.of(alter(ZIP, STREET, CITY, note)), ops);
        AlterType op = (AlterType) ops.get(0);
        assertEquals(new AlterType.Changes(List.of(), List.of(), List.of(note)), op.changes());
        assertEquals(List.of(), op.hazards());
        assertEquals(
                new AlterType.Changes(List.of(note), List.of(), List.of()),
                op.reverse().changes());
        assertEquals(List.of(Hazard.Kind.DATA_LOSS), kinds(op.reverse().hazards()));
    }

    @Test
    void anAttributeInsertedBeforeOthersMovesThemToTheEndLosingTheirValues() {
        Attribute country = Attribute.of("country", "varchar(2)");
        AlterType op = alter(ZIP, country, STREET, CITY);
        assertEquals(
                new AlterType.Changes(List.of(STREET, CITY), List.of(), List.of(country, STREET, CITY)), op.changes());
        assertEquals(List.of(Hazard.Kind.DATA_LOSS, Hazard.Kind.DATA_LOSS), kinds(op.hazards()));
    }

    @Test
    void aRemovedAttributeIsDroppedAndTheRestKeepTheirPlace() {
        assertEquals(
                new AlterType.Changes(List.of(STREET), List.of(), List.of()),
                alter(ZIP, CITY).changes());
    }

    @Test
    void aTypeChangeIsSaidToBeRefusedWhileAColumnUsesTheType() {
        Attribute bigZip = Attribute.of("zip", "bigint");
        AlterType op = alter(bigZip, STREET, CITY.collate("\"C\""));
        assertEquals(new AlterType.Changes(List.of(), List.of(bigZip, CITY.collate("\"C\"")), List.of()), op.changes());
        assertEquals(List.of(Hazard.Kind.FAILS_ON_DATA, Hazard.Kind.FAILS_ON_DATA), kinds(op.hazards()));
        assertEquals(
                "changes attribute zip of type postal_address to bigint, which PostgreSQL refuses while a column uses"
                        + " the type: move such columns off it by hand first",
                op.hazards().get(0).detail());
    }

    private static List<Class<?>> classes(List<Op> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    private static List<Hazard.Kind> kinds(List<Hazard> hazards) {
        return hazards.stream().map(Hazard::kind).toList();
    }
}
