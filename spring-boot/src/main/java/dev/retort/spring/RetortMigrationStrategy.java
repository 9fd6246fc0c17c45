package dev.retort.spring;

import dev.retort.runtime.Retort;

/**
 * What to do with the database at start-up instead of the default upgrade to {@code retort.target}:
 * declare one as a bean, for example to only validate.
 *
 * <pre>{@code
 * @Bean
 * RetortMigrationStrategy validateOnly() {
 *     return retort -> {
 *         if (!retort.pending().isEmpty()) throw new IllegalStateException("the database is behind");
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RetortMigrationStrategy {
    /** Runs before the EntityManagerFactory and every other bean that depends on the database. */
    void migrate(Retort retort);
}
