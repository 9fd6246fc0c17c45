package dev.retort.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a migration says to {@code retort lint}: {@code @Lint.Suppress(rule = "rename", reason = "...")} on the class
 * waives a rule for the whole migration; {@code op.lintIgnore(rule, reason)} waives it for one statement.
 */
public final class Lint {
    private Lint() {}

    /** Waives one lint rule for every statement of the migration it annotates; the reason is required and shown. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Repeatable(Suppressions.class)
    public @interface Suppress {
        /** The rule's id, as {@code retort lint} prints it ({@code non-concurrent-index}, ...). */
        String rule();

        /** Why the rule does not apply here: for the reviewer, never empty. */
        String reason();
    }

    /** The container of several {@link Suppress} annotations on one migration. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Suppressions {
        Suppress[] value();
    }
}
