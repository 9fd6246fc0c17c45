package dev.retort.op;

import java.util.HashSet;
import java.util.Set;

/**
 * Every concrete operation type, found through {@link Op}'s sealed hierarchy: what a renderer, an
 * ordering or a golden must cover, so that a new operation cannot be left out silently.
 */
public final class OpKinds {
    private OpKinds() {}

    /** The records that implement {@link Op}, through every sealed sub-interface between. */
    public static Set<Class<? extends Op>> all() {
        Set<Class<? extends Op>> kinds = new HashSet<>();
        collect(Op.class, kinds);
        return Set.copyOf(kinds);
    }

    private static void collect(Class<? extends Op> type, Set<Class<? extends Op>> kinds) {
        if (!type.isSealed()) {
            kinds.add(type);
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) collect(permitted.asSubclass(Op.class), kinds);
    }
}
