package dev.retort.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an upgrade, downgrade or stamp did: the heads before and after (each in id order, so that
 * what is printed from them is the same on every run), and the migrations applied, in order.
 */
public record RunResult(Set<String> before, Set<String> after, List<AppliedMigration> applied) {
    public RunResult {
        before = Collections.unmodifiableSortedSet(new TreeSet<>(before));
        after = Collections.unmodifiableSortedSet(new TreeSet<>(after));
        applied = List.copyOf(applied);
    }
}
