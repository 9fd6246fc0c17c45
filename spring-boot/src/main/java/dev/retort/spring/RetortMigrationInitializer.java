package dev.retort.spring;

import static java.util.Objects.requireNonNull;

import dev.retort.runtime.Retort;
import org.springframework.beans.factory.InitializingBean;

/**
 * The bean that migrates the database when it is created; Spring Boot's database-initialization
 * ordering makes the EntityManagerFactory, JdbcTemplates and the other beans that use the database
 * wait for it.
 */
public class RetortMigrationInitializer implements InitializingBean {
    private final Retort retort;
    private final RetortMigrationStrategy strategy;

    public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy) {
        this.retort = requireNonNull(retort, "retort");
        this.strategy = requireNonNull(strategy, "strategy");
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(retort);
    }
}
