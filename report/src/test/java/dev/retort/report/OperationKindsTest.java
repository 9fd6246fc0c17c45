package dev.retort.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.op.OpKinds;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every operation type has one stable report kind, and no kind is given twice. */
class OperationKindsTest {
    @Test
    void everyOperationTypeHasAKindAndNoOtherTypeHasOne() {
        Set<String> missing = OpKinds.all().stream()
                .filter(type -> !OperationKinds.all().containsKey(type))
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "name the new operation types in OperationKinds");
        assertEquals(OpKinds.all(), OperationKinds.all().keySet());
    }

    @Test
    void kindsAreDistinctLowerCaseWordsJoinedByHyphens() {
        Set<String> seen = new HashSet<>();
        for (String kind : OperationKinds.all().values()) {
            assertTrue(kind.matches("[a-z]+(-[a-z]+)*"), kind);
            assertTrue(seen.add(kind), () -> "given twice: " + kind);
        }
    }
}
