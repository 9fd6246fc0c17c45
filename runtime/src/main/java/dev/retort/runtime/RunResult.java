package dev.retort.runtime;

import java.util.List;
import java.util.Set;

/** What an upgrade, downgrade or stamp did: the heads before and after, and the migrations applied, in order. */
public record RunResult(Set<String> before, Set<String> after, List<AppliedMigration> applied) {}
