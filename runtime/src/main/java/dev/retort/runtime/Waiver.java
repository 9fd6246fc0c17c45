package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

/**
 * A lint rule a migration waives for one of its steps, with the reviewer's reason: recorded by
 * {@code op.lintIgnore(rule, reason)} and, for the rule {@value #DATA_LOSS}, by {@code op.acknowledgeDataLoss(reason)}.
 */
public record Waiver(String rule, String reason) {
    /** The rule a destructive step without an acknowledgement breaks, and that an acknowledgement waives. */
    public static final String DATA_LOSS = "unacknowledged-data-loss";

    public Waiver {
        requireNonNull(rule, "rule");
        requireNonNull(reason, "reason");
        if (rule.isBlank()) throw new IllegalArgumentException("a lint waiver needs a rule");
        if (reason.isBlank()) throw new IllegalArgumentException("waiving lint rule " + rule + " needs a reason");
    }

    /** Whether this is a data-loss acknowledgement. */
    public boolean acknowledgesDataLoss() {
        return rule.equals(DATA_LOSS);
    }
}
