package dev.retort.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConjunctsTest {
    private static CheckConstraint printed(String form) {
        return CheckConstraint.of("written").withCanonical(form);
    }

    @Test
    void topLevelConjunctsAreSplitFlattenedAndUnwrapped() {
        assertEquals(List.of("stars >= 1", "stars <= 5"), Conjuncts.of("((stars >= 1) AND (stars <= 5))"));
        assertEquals(List.of("a > 0", "b > 0", "c > 0"), Conjuncts.of("(((a > 0) AND (b > 0)) AND (c > 0))"));
        assertEquals(List.of("flag", "a > 0"), Conjuncts.of("(flag AND (a > 0))"));
    }

    @Test
    void onlyTopLevelAndsOutsideQuotesSplit() {
        assertEquals(List.of("(a > 0) OR ((b > 0) AND (c > 0))"), Conjuncts.of("((a > 0) OR ((b > 0) AND (c > 0)))"));
        assertEquals(List.of("(s)::text <> ' AND '::text"), Conjuncts.of("((s)::text <> ' AND '::text)"));
        assertEquals(List.of("\"x AND y\" > 0"), Conjuncts.of("(\"x AND y\" > 0)"));
        assertEquals(List.of("(a > 0) = (b > 0)"), Conjuncts.of("((a > 0) = (b > 0))"));
    }

    @Test
    void checksMeanTheSameWhateverTheOrderOfTheirConjuncts() {
        CheckConstraint hibernate = printed("((stars >= 1) AND (stars <= 5))");
        assertEquals(
                hibernate.meaning(), printed("((stars <= 5) AND (stars >= 1))").meaning());
        assertEquals(
                CheckConstraint.meaning(List.of(hibernate)),
                CheckConstraint.meaning(List.of(printed("(stars <= 5)"), printed("(stars >= 1)"))));
        assertNotEquals(
                hibernate.meaning(), printed("((stars >= 1) OR (stars <= 5))").meaning());
        assertNotEquals(
                CheckConstraint.meaning(List.of(hibernate)), CheckConstraint.meaning(List.of(printed("(stars >= 1)"))));
        // before PostgreSQL has printed it, an expression is compared whole
        assertNotEquals(
                CheckConstraint.of("a > 0 and b > 0").meaning(),
                CheckConstraint.of("b > 0 and a > 0").meaning());
    }
}
