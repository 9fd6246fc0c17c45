package dev.retort.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Identifies a {@link Migration}: its revision id, the revisions it revises, and its message. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    /** The revision id, 12 lowercase hex characters when generated. */
    String id();

    /** The revisions this one follows; empty for a base revision. */
    String[] revises() default {};

    /** The message given to {@code retort revision -m}. */
    String message() default "";

    /** Branch labels: names for this revision and the branch that grows from it. */
    String[] branchLabels() default {};

    /** Revisions that must be applied before this one, without being merged into it. */
    String[] dependsOn() default {};

    /**
     * Declares that this revision cannot be undone: {@code downgrade()} is never called, and a
     * downgrade past it refuses before anything runs. A {@code downgrade()} that throws counts the same.
     */
    boolean forwardOnly() default false;
}
