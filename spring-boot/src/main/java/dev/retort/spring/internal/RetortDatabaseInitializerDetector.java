package dev.retort.spring.internal;

import dev.retort.spring.RetortMigrationInitializer;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link RetortMigrationInitializer} beans initialize the database, so that the
 * beans that use it (the EntityManagerFactory first) are created after them, as Flyway's are.
 */
public final class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    /** Flyway's and Liquibase's order: before the schema.sql and data.sql scripts. */
    private static final int ORDER = 1;

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(RetortMigrationInitializer.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
