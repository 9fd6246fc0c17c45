package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.op.Op;
import dev.retort.op.OpKinds;
import dev.retort.op.OpSamples;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ordering knows every operation: an operation type without a rank fails here, not in a user's plan. */
class PlanOrderTest {
    @Test
    void everyOperationTypeHasARank() {
        Set<Class<?>> ranked = new HashSet<>();
        for (Op op : OpSamples.ALL) {
            try {
                Plan.rank(op);
                ranked.add(op.getClass());
            } catch (AssertionError e) {
                fail("no place in the plan's ordering for " + op.getClass().getSimpleName() + ": give it a rank");
            }
        }
        assertEquals(OpKinds.all(), ranked, "every operation type, through sealed sub-interfaces, has a rank");
    }
}
