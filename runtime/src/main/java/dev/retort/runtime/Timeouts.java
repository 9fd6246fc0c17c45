package dev.retort.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides, for one migration, the configured {@code lock.ddl-timeout} (PostgreSQL's {@code lock_timeout})
 * and {@code lock.statement-timeout} ({@code statement_timeout}), in whole seconds, 0 for no limit. An
 * element left out keeps the configured value. The timeouts are not part of the migration's checksum.
 *
 * <pre>{@code
 * @Revision(id = "3f2a9c1b7d4e", revises = "a1b2c3d4e5f6", message = "backfill")
 * @Timeouts(ddl = 60, statement = 0)
 * public class R3f2a9c1b7d4e_Backfill implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Timeouts {
    /** The value of an element left out: the configured timeout applies. */
    int CONFIGURED = -1;

    /** How long each statement may wait for a lock, in seconds (0: for ever); default {@code lock.ddl-timeout}. */
    int ddl() default CONFIGURED;

    /** How long each statement may run, in seconds (0: for ever); default {@code lock.statement-timeout}. */
    int statement() default CONFIGURED;
}
