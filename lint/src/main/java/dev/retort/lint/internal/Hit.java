package dev.retort.lint.internal;

import dev.retort.lint.Rule;
import dev.retort.runtime.Step;
import dev.retort.runtime.Waiver;
import java.util.List;

/** A rule broken by one step of a migration, before severities and suppressions: the step says where, and what waives it. */
public record Hit(Rule rule, String message, Step step, List<Waiver> waivers) {
    public Hit {
        waivers = List.copyOf(waivers);
    }
}
