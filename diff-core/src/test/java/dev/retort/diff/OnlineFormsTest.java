package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.op.AddCheck;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropIndex;
import dev.retort.op.DropUnique;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lock-safe forms, case by case; the whole migration they make is in codegen's golden {@code online_forms.java}. */
class OnlineFormsTest {
    private static final QualifiedName T = QualifiedName.of("t");

    @Test
    void aTableTheSameListCreatesKeepsThePlainForms() {
        List<Op> ops = List.of(
                new CreateTable(Table.of(T, List.of(Column.of("a", "integer")))),
                new CreateIndex(T, Index.on("a")),
                new AddCheck(T, CheckConstraint.of("a > 0")));
        assertEquals(List.of(new OnlineForms.Block(false, ops)), OnlineForms.of(ops));
    }

    @Test
    void setNotNullIsProvedByAValidatedCheckAndKeepsNoLongLock() {
        Column a = Column.of("a", "integer");
        AlterColumn notNull = new AlterColumn(T, a, a.notNull());
        CheckConstraint proof = OnlineForms.notNullCheck(T, "a");
        assertEquals(CheckConstraint.of("\"a\" IS NOT NULL").named("t_a_nn_check"), proof);
        List<OnlineForms.Block> blocks = OnlineForms.of(List.of(notNull));
        assertEquals(
                List.of(
                        new OnlineForms.Block(false, List.of(new AddCheck(T, proof.notValid()))),
                        new OnlineForms.Block(true, List.of(new ValidateConstraint(T, proof))),
                        new OnlineForms.Block(false, List.of(notNull, new DropCheck(T, proof)))),
                blocks);
        assertEquals(List.of(), Plan.hazards(notNull, OnlineForms.flatten(blocks)));
        assertEquals(List.of(notNull.notNullHazard()), Plan.hazards(notNull, List.of(notNull)));
    }

    /** The safe SET NOT NULL's check is told from any other by its expression and its name, quotes and all. */
    @Test
    void theNotNullChecksColumnIsReadBackFromTheCheck() {
        assertEquals("a", OnlineForms.notNullColumn(T, OnlineForms.notNullCheck(T, "a")));
        assertEquals(
                "a",
                OnlineForms.notNullColumn(T, OnlineForms.notNullCheck(T, "a").notValid()));
        assertEquals("we\"ird", OnlineForms.notNullColumn(T, OnlineForms.notNullCheck(T, "we\"ird")));
        assertEquals(
                null,
                OnlineForms.notNullColumn(
                        T, CheckConstraint.of("\"a\" IS NOT NULL").named("mine")));
        assertEquals(
                null, OnlineForms.notNullColumn(T, CheckConstraint.of("a > 0").named("t_a_nn_check")));
        assertEquals(
                null,
                OnlineForms.notNullColumn(
                        T,
                        CheckConstraint.of("\"a\" IS NOT NULL AND \"b\" IS NOT NULL")
                                .named("t_a_nn_check")));
    }

    @Test
    void setNotNullWithATypeChangeStaysPlain() {
        AlterColumn retype = new AlterColumn(
                T, Column.of("a", "integer"), Column.of("a", "bigint").notNull());
        assertEquals(List.of(new OnlineForms.Block(false, List.of(retype))), OnlineForms.of(List.of(retype)));
    }

    @Test
    void uniqueKeyIsMadeFromAConcurrentIndexOfItsName() {
        Index index = Index.on("a").asUnique().named("t_a_key");
        assertEquals(
                List.of(
                        new OnlineForms.Block(
                                true,
                                List.of(
                                        new DropIndex(T, index, Set.of(Option.CONCURRENTLY, Option.IF_EXISTS)),
                                        new CreateIndex(T, index, Set.of(Option.CONCURRENTLY)))),
                        new OnlineForms.Block(
                                false,
                                // named as its index: the downgrade below drops it by that name
                                List.of(new AddUnique(
                                        T, UniqueConstraint.of("a").named("t_a_key"), Set.of(Option.USING_INDEX))))),
                OnlineForms.of(List.of(new AddUnique(T, UniqueConstraint.of("a")))));
        assertEquals(
                List.of(new OnlineForms.Block(
                        false,
                        List.of(new DropUnique(T, UniqueConstraint.of("a").named("t_a_key"), Set.of())))),
                OnlineForms.of(List.of(new DropUnique(T, UniqueConstraint.of("a"), Set.of()))));
        assertEquals(
                List.of(
                        new Hazard(
                                Hazard.Kind.FAILS_ON_DATA,
                                "building unique index t_a_key on t fails on duplicates (writes go on), leaving an INVALID index to drop")),
                new CreateIndex(T, index, Set.of(Option.CONCURRENTLY)).hazards());
    }

    @Test
    void usingIndexGoesBothWays() {
        AddUnique unique = new AddUnique(T, UniqueConstraint.of("a"), Set.of(Option.USING_INDEX));
        AddPrimaryKey key = new AddPrimaryKey(T, PrimaryKey.of("a"), Set.of(Option.USING_INDEX));
        assertEquals(unique, unique.reverse().reverse());
        assertEquals(key, key.reverse().reverse());
        assertEquals(List.of(), unique.hazards());
        assertEquals(List.of(), key.hazards());
        assertThrows(
                IllegalArgumentException.class,
                () -> new AddUnique(T, UniqueConstraint.of("a"), Set.of(Option.CONCURRENTLY)));
    }
}
