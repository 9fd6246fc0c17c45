package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.op.AddEnumCasts;
import dev.retort.op.AlterEnum;
import dev.retort.op.CreateEnum;
import dev.retort.op.DropEnum;
import dev.retort.op.DropEnumCasts;
import dev.retort.op.Op;
import dev.retort.schema.EnumType;
import dev.retort.schema.Schema;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Enum types and the casts with varchar that Hibernate creates beside them. */
class EnumDifferTest {
    private static final EnumType MOOD = EnumType.of("mood", "sad", "happy");
    private static final EnumType MOOD_CAST = MOOD.withVarcharCasts();
    private static final Set<EnumType.Cast> BOTH = EnumSet.allOf(EnumType.Cast.class);

    private static List<Op> plan(EnumType current, EnumType target) {
        return Differ.diff(schema(current), schema(target)).upgrade();
    }

    private static Schema schema(EnumType type) {
        return new Schema(List.of(), List.of(), type == null ? List.of() : List.of(type));
    }

    @Test
    void aNewTypeIsCreatedThenGivenItsCasts() {
        assertEquals(List.of(new CreateEnum(MOOD), new AddEnumCasts(MOOD.name(), BOTH)), plan(null, MOOD_CAST));
    }

    @Test
    void aDroppedTypeLosesItsCastsFirst() {
        assertEquals(List.of(new DropEnumCasts(MOOD.name(), BOTH), new DropEnum(MOOD)), plan(MOOD_CAST, null));
        assertEquals(
                List.of(new CreateEnum(MOOD), new AddEnumCasts(MOOD.name(), BOTH)),
                Differ.diff(schema(MOOD_CAST), schema(null)).downgrade(),
                "the downgrade creates the type and then its casts");
    }

    @Test
    void castsAloneChangeAlone() {
        assertEquals(List.of(new AddEnumCasts(MOOD.name(), BOTH)), plan(MOOD, MOOD_CAST));
        EnumType fromVarcharOnly = MOOD.withCasts(Set.of(EnumType.Cast.FROM_VARCHAR));
        assertEquals(
                List.of(new DropEnumCasts(MOOD.name(), Set.of(EnumType.Cast.FROM_VARCHAR))),
                plan(fromVarcharOnly, MOOD));
        assertEquals(
                List.of(new AddEnumCasts(MOOD.name(), Set.of(EnumType.Cast.TO_VARCHAR))),
                plan(fromVarcharOnly, MOOD_CAST));
        assertEquals(List.of(), plan(MOOD_CAST, MOOD_CAST));
    }

    @Test
    void aRebuildWhileCastsGoTakesOnlyTheCastsThatStay() {
        EnumType fewer = EnumType.of("mood", "happy").withCasts(Set.of(EnumType.Cast.TO_VARCHAR));
        assertEquals(
                List.of(
                        new DropEnumCasts(MOOD.name(), Set.of(EnumType.Cast.FROM_VARCHAR)),
                        new AlterEnum(MOOD.withCasts(Set.of(EnumType.Cast.TO_VARCHAR)), fewer)),
                plan(MOOD_CAST, fewer));
    }

    @Test
    void newLabelsKeepTheCastsTheTypeHas() {
        EnumType more = EnumType.of("mood", "sad", "ok", "happy").withVarcharCasts();
        assertEquals(List.of(new AlterEnum(MOOD_CAST, more)), plan(MOOD_CAST, more));
        assertEquals(
                List.of(new AlterEnum(MOOD, more.withCasts(Set.of())), new AddEnumCasts(MOOD.name(), BOTH)),
                plan(MOOD, more));
    }
}
