package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunResultTest {
    /** {@code Set.of} iterates in an order that changes from one JVM to the next; a stamp's line must not. */
    @Test
    void headsAreInIdOrderWhateverSetTheyCameIn() {
        RunResult result = new RunResult(Set.of("e5", "a1", "c3", "b2", "d4"), Set.of("f6", "a0", "z9"), List.of());
        assertEquals(List.of("a1", "b2", "c3", "d4", "e5"), List.copyOf(result.before()));
        assertEquals(List.of("a0", "f6", "z9"), List.copyOf(result.after()));
    }
}
