package dev.retort.spring;

import dev.retort.RetortException;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Direction;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Retort;
import dev.retort.spring.internal.RetortSchemaManagementProvider;
import dev.retort.spring.internal.UpgradeOnStartup;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Runs Retort's migrations at start-up, before the EntityManagerFactory: active when the application
 * has a DataSource (or {@code retort.url} is set) and {@code retort.enabled} is not false.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
        })
@Conditional(RetortAutoConfiguration.MigrationDatabaseCondition.class)
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {
    private static final Log log = LogFactory.getLog(RetortAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public Retort retort(
            RetortProperties properties,
            @RetortDataSource ObjectProvider<DataSource> retortDataSource,
            ObjectProvider<DataSource> dataSource,
            ResourceLoader resourceLoader) {
        String migrationsPackage = properties.getMigrationsPackage();
        if (migrationsPackage == null || migrationsPackage.isBlank()) {
            throw new RetortException("retort.migrations-package is not set: name the package that holds the"
                    + " application's migration classes, or set retort.enabled=false");
        }
        Retort.Builder builder = Retort.configure();
        if (properties.getUrl() != null) {
            builder.url(properties.getUrl(), properties.getUser(), properties.getPassword());
        } else {
            builder.dataSource(migrated(retortDataSource, dataSource));
        }
        ClassLoader loader = resourceLoader.getClassLoader();
        return builder.migrationsPackage(migrationsPackage)
                .classLoader(loader != null ? loader : ClassUtils.getDefaultClassLoader())
                .versionTable(properties.getVersionTable())
                .schemas(properties.getSchemas().toArray(String[]::new))
                .lockTimeout(properties.getLockTimeout())
                .ddlTimeout(properties.getLock().getDdlTimeout())
                .statementTimeout(properties.getLock().getStatementTimeout())
                .listener(new LoggingListener())
                .load();
    }

    @Bean
    @ConditionalOnMissingBean
    public RetortMigrationInitializer retortMigrationInitializer(
            Retort retort, RetortProperties properties, ObjectProvider<RetortMigrationStrategy> strategy) {
        return new RetortMigrationInitializer(
                retort,
                strategy.getIfAvailable(
                        () -> new UpgradeOnStartup(properties.getTarget(), properties.isValidateOnMigrate())));
    }

    @Bean
    public RetortSchemaManagementProvider retortSchemaManagementProvider(
            RetortProperties properties,
            @RetortDataSource ObjectProvider<DataSource> retortDataSource,
            ObjectProvider<DataSource> dataSource) {
        return new RetortSchemaManagementProvider(
                () -> properties.getUrl() != null ? null : migrated(retortDataSource, dataSource));
    }

    /** The {@code @RetortDataSource} bean, else the application's only (or primary) DataSource. */
    private static DataSource migrated(
            ObjectProvider<DataSource> retortDataSource, ObjectProvider<DataSource> dataSource) {
        DataSource own = retortDataSource.getIfAvailable();
        if (own != null) return own;
        DataSource application = dataSource.getIfUnique();
        if (application == null) {
            throw new RetortException("the application has several DataSource beans and none is"
                    + " @Primary: mark the one to migrate with @RetortDataSource, or set retort.url");
        }
        return application;
    }

    /** Logs each migration as it starts, and a wait for another instance's lock. */
    private static final class LoggingListener implements MigrationListener {
        @Override
        public void migrating(Direction direction, RevisionNode revision) {
            log.info("Retort: running " + direction.name().toLowerCase(Locale.ROOT) + " " + revision.id());
        }

        @Override
        public void waitingForLock(String holder) {
            log.info("Retort: waiting for another instance's migration lock");
        }
    }

    /** A DataSource bean, or {@code retort.url}. */
    static final class MigrationDatabaseCondition extends AnyNestedCondition {
        MigrationDatabaseCondition() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBean {}

        @ConditionalOnProperty(prefix = "retort", name = "url")
        private static final class RetortUrl {}
    }
}
