package dev.retort.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableName;
import dev.retort.schema.UniqueConstraint;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpLawsTest {
    private static final TableName USERS = new TableName(null, "users");
    private static final Column EMAIL = Column.of("email", "varchar(100)");
    private static final Table TABLE = Table.of(
                    USERS, List.of(Column.of("id", "bigint").identityByDefault(), EMAIL))
            .withPrimaryKey(PrimaryKey.of("id"));

    /** One instance of every operation type. */
    static final List<Op> SAMPLES = List.of(
            new CreateTable(TABLE),
            new DropTable(TABLE),
            new AddColumn(USERS, EMAIL),
            new DropColumn(USERS, EMAIL),
            new AlterColumn(USERS, EMAIL, EMAIL.withType("varchar(200)").notNull()),
            new AddPrimaryKey(USERS, PrimaryKey.of("email")),
            new DropPrimaryKey(USERS, PrimaryKey.of("id").named("users_pkey")),
            new AddUnique(USERS, UniqueConstraint.of("email")),
            new DropUnique(USERS, UniqueConstraint.of("email").named("users_email_key")),
            new AddForeignKey(
                    USERS,
                    ForeignKey.Columns.of("id").references("accounts", "id").onDelete(ForeignKey.Action.CASCADE)),
            new DropForeignKey(
                    USERS,
                    ForeignKey.Columns.of("id").references("accounts", "id").named("users_id_fkey")),
            new AddCheck(USERS, CheckConstraint.of("char_length(email) > 3")),
            new DropCheck(USERS, CheckConstraint.of("char_length(email) > 3").named("users_email_check")),
            new CreateIndex(USERS, Index.on("email").using("hash")),
            new DropIndex(USERS, Index.on("email").named("users_email_idx")),
            new RenameColumn(USERS, "email", "mail"),
            new AlterTableComment(USERS, null, "People who log in"),
            new CreateEnum(EnumType.of("mood", "sad", "happy")),
            new DropEnum(EnumType.of("mood", "sad", "happy")),
            new AlterEnum(EnumType.of("mood", "sad", "happy"), EnumType.of("mood", "sad", "ok", "happy")),
            new RenameTable(new TableName("crm", "users"), "people"),
            new CreateSequence(Sequence.of("users_seq", 1, 50)),
            new DropSequence(Sequence.of("users_seq", 1, 50)),
            new AlterSequence(Sequence.of("users_seq", 1, 50), Sequence.of("users_seq", 1, 10)),
            new AlterSequenceOwner(TableName.of("users_id_seq"), null, new Sequence.Owner("users", "id")),
            new AlterColumn(USERS, EMAIL, EMAIL.generatedAs("lower(name)")),
            new AlterColumn(USERS, EMAIL, EMAIL.collate("\"C\"")),
            new AddExclusion(
                    USERS,
                    new dev.retort.schema.ExclusionConstraint("users_no_overlap", "USING gist (during WITH &&)")),
            new DropExclusion(
                    USERS,
                    new dev.retort.schema.ExclusionConstraint("users_no_overlap", "USING gist (during WITH &&)")),
            new CreateIndex(USERS, Index.on("email"), java.util.Set.of(Option.CONCURRENTLY, Option.IF_NOT_EXISTS)),
            new DropIndex(USERS, Index.on("email"), java.util.Set.of(Option.IF_EXISTS)),
            new AddColumn(USERS, EMAIL, java.util.Set.of(Option.IF_NOT_EXISTS)),
            new DropColumn(USERS, EMAIL, java.util.Set.of(Option.IF_EXISTS)),
            new AddForeignKey(
                    USERS, ForeignKey.Columns.of("id").references("x", "id"), java.util.Set.of(Option.NOT_VALID)));

    @Test
    void samplesCoverEveryOperationType() {
        Set<Class<?>> permitted = Set.of(Op.class.getPermittedSubclasses());
        Set<Class<?>> sampled = SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(permitted, sampled, "add a sample for each new Op type");
    }

    @Test
    void reversingTwiceGivesTheSameOperation() {
        for (Op op : SAMPLES)
            assertEquals(op, op.reverse().reverse(), op.getClass().getSimpleName());
    }

    @Test
    void reverseIsADifferentOperationOnTheSameTable() {
        for (Op op : SAMPLES) {
            assertNotEquals(op, op.reverse(), op.getClass().getSimpleName());
            if (op instanceof RenameTable rename) {
                assertEquals(
                        new TableName(rename.table().schema(), rename.to()),
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
        assertTrue(hazardKinds(new AlterColumn(USERS, EMAIL, EMAIL.withType("varchar(10)")))
                .contains(Hazard.Kind.DATA_LOSS));
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

    private static List<Hazard.Kind> hazardKinds(Op op) {
        return op.hazards().stream().map(Hazard::kind).toList();
    }

    @Test
    void permittedSubclassesAreRecords() {
        assertTrue(Arrays.stream(Op.class.getPermittedSubclasses()).allMatch(Class::isRecord));
    }
}
