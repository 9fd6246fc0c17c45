package dev.retort.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpLawsTest {
    private static final QualifiedName USERS = OpSamples.USERS;
    private static final Column EMAIL = OpSamples.EMAIL;
    private static final Table TABLE = OpSamples.TABLE;

    @Test
    void samplesCoverEveryOperationType() {
        Set<Class<?>> sampled = OpSamples.ALL.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(OpKinds.all(), sampled, "add a sample for each new Op type");
    }

    @Test
    void reversingTwiceGivesTheSameOperation() {
        for (Op op : OpSamples.ALL)
            assertEquals(op, op.reverse().reverse(), op.getClass().getSimpleName());
    }

    @Test
    void reverseIsADifferentOperationOnTheSameTable() {
        for (Op op : OpSamples.ALL) {
            assertNotEquals(op, op.reverse(), op.getClass().getSimpleName());
            if (op instanceof RenameTable rename) {
                assertEquals(
                        new QualifiedName(rename.table().schema(), rename.to()),
                        op.reverse().table(),
                        "a renamed table's reverse starts from the new name");
            } else {
                assertEquals(op.table(), op.reverse().table());
            }
        }
    }

    @Test
    void destructiveOperationsAreMarked() {
        assertTrue(hazardKinds(new DropTable(TABLE)).contains(Hazard.Kind.DATA_LOSS));
        assertTrue(hazardKinds(new DropColumn(USERS, EMAIL)).contains(Hazard.Kind.DATA_LOSS));
        assertEquals(
                List.of(Hazard.Kind.FAILS_ON_DATA, Hazard.Kind.TABLE_REWRITE),
                hazardKinds(new AlterColumn(USERS, EMAIL, EMAIL.withType("varchar(10)"))),
                "a narrowing the migration guards fails instead of cutting");
        Column at = Column.of("at", "timestamp(6)");
        assertTrue(
                hazardKinds(new AlterColumn(USERS, at, at.withType("time(6)"))).contains(Hazard.Kind.DATA_LOSS));
        assertTrue(new AlterColumn(USERS, at, at.withType("timestamptz(6)"))
                .hazards().stream()
                        .map(Hazard::toString)
                        .toList()
                        .contains("HAZARD data-loss: type timestamp(6) -> timestamptz(6) of users.at reads the values"
                                + " in the migration's time zone (the timezone setting, UTC by default)"));
        assertTrue(hazardKinds(new AlterColumn(USERS, EMAIL, EMAIL.withType("integer")))
                .contains(Hazard.Kind.TABLE_REWRITE));
        assertTrue(hazardKinds(new AlterColumn(USERS, EMAIL, EMAIL.notNull())).contains(Hazard.Kind.LONG_LOCK));
        assertTrue(hazardKinds(new AddColumn(USERS, Column.of("x", "integer").notNull()))
                .contains(Hazard.Kind.FAILS_ON_DATA));
        assertEquals(
                List.of(),
                new AlterColumn(USERS, EMAIL, EMAIL.withType("varchar(200)")).hazards(),
                "widening in place is safe");
        assertEquals(List.of(), new AddColumn(USERS, EMAIL).hazards());
        assertEquals(
                "HAZARD data-loss: drops column users.email and its data",
                new DropColumn(USERS, EMAIL).hazards().get(0).toString());
    }

    @Test
    void notValidAsAnOptionAndAsTheKeysStateIsOneRequest() {
        ForeignKey key = ForeignKey.Columns.of("id").references("x", "id");
        AddForeignKey asOption = new AddForeignKey(USERS, key, Set.of(Option.NOT_VALID));
        assertEquals(new AddForeignKey(USERS, key.notValid()), asOption);
        assertEquals(Set.of(Option.NOT_VALID), asOption.options(), "hand-written migrations keep their option");
        assertEquals(new DropForeignKey(USERS, key.notValid()), asOption.reverse(), "the downgrade drops it");
        assertEquals(asOption, asOption.reverse().reverse());
        assertEquals(List.of(), asOption.hazards(), "NOT VALID reads no row");
        ValidateConstraint validate = new ValidateConstraint(USERS, key.notValid());
        assertEquals(key, validate.constraint(), "carried as it is once valid");
        assertEquals(List.of(Hazard.Kind.FAILS_ON_DATA), hazardKinds(validate));
        assertEquals(List.of(), new AddCheck(USERS, CheckConstraint.of("id > 0").notValid()).hazards());
    }

    private static List<Hazard.Kind> hazardKinds(Op op) {
        return op.hazards().stream().map(Hazard::kind).toList();
    }

    @Test
    void permittedSubclassesAreRecords() {
        assertTrue(OpKinds.all().stream().allMatch(Class::isRecord));
    }
}
