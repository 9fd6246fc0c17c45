package dev.retort.diff;

import dev.retort.op.Hazard;
import dev.retort.op.Op;
import java.util.List;

/**
 * How one database judges an operation's hazards among the operations it runs with: what its statement for the
 * operation locks, rewrites or fails on. The operations' own {@code hazards()} are PostgreSQL's ({@link #POSTGRESQL});
 * a database whose statements behave otherwise has its policy in its module ({@code MariaDbHazards.POLICY}).
 */
@FunctionalInterface
public interface HazardPolicy {
    /** PostgreSQL's: each operation's own hazards, judged among the others by {@link Plan#hazards}. */
    HazardPolicy POSTGRESQL = Plan::hazards;

    /** The hazards of {@code op} run among {@code context} (the operations of its migration direction). */
    List<Hazard> hazards(Op op, List<Op> context);
}
