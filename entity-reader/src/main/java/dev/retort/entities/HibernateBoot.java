package dev.retort.entities;

import dev.retort.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataBuilderImplementor;
import org.hibernate.boot.spi.MetadataBuildingOptions;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * Boots Hibernate's metadata for the entity classes with the application's settings and naming,
 * without a connection, and brings it to the state Hibernate's own schema export reads: Bean
 * Validation applied ({@link BeanValidation}), then columns, primary keys and foreign keys in the
 * configured column-ordering strategy's order ({@code hibernate.column_ordering_strategy}), as a
 * session factory that creates the schema does.
 */
final class HibernateBoot {
    static final String PROPERTIES_FILE = "entities.properties-file";
    static final String MARIADB_MAJOR = "10";
    static final String MARIADB_MINOR = "11";

    private HibernateBoot() {}

    static Metadata metadata(
            List<Class<?>> classes, PersistenceUnit unit, EntitySource source, Dialect dialect, ClassLoader loader) {
        StandardServiceRegistry registry = registry(source, unit, dialect, loader);
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            if (unit != null) unit.mappingFiles().forEach(sources::addResource);
            MetadataBuilder builder = sources.getMetadataBuilder();
            NamingStrategies.apply(builder, source.naming(), loader);
            MetadataImplementor metadata = (MetadataImplementor) builder.build();
            requireDialect(metadata.getDatabase().getDialect(), dialect);
            BeanValidation.apply(metadata, registry);
            metadata.orderColumns(true);
            return metadata;
        } catch (EntityException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EntityException("Hibernate could not map the entities: " + e.getMessage(), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * The class names of the physical and implicit naming strategies Hibernate's boot uses for the
     * source, as {@link #metadata} configures it: Retort's naming keys, else Hibernate's settings, else
     * its defaults.
     */
    /**
     * The naming strategies of a source whose class path {@code loader} holds, its persistence unit
     * found there: called beside the application's Hibernate ({@link ApplicationHibernate}).
     */
    static List<String> namingStrategiesWith(EntitySource source, ClassLoader loader) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // as for the read: the unit's JAXB finds its implementation through the context loader
            Thread.currentThread().setContextClassLoader(loader);
            String unitName = source.hibernate().persistenceUnit();
            PersistenceUnit unit = unitName == null ? null : PersistenceUnit.find(unitName, loader);
            return namingStrategies(unit, source, loader);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    static List<String> namingStrategies(PersistenceUnit unit, EntitySource source, ClassLoader loader) {
        StandardServiceRegistry registry = registry(source, unit, Dialect.POSTGRESQL, loader);
        try {
            MetadataBuilder builder = new MetadataSources(registry).getMetadataBuilder();
            NamingStrategies.apply(builder, source.naming(), loader);
            MetadataBuildingOptions options = ((MetadataBuilderImplementor) builder).getMetadataBuildingOptions();
            return List.of(
                    options.getPhysicalNamingStrategy().getClass().getName(),
                    options.getImplicitNamingStrategy().getClass().getName());
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static StandardServiceRegistry registry(
            EntitySource source, PersistenceUnit unit, Dialect dialect, ClassLoader loader) {
        Map<String, Object> settings = settings(source.hibernate(), unit, dialect);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoaderService(new RememberingClassLoaderService(loader))
                .build();
        try {
            // destroying this registry also closes the bootstrap registry
            return new StandardServiceRegistryBuilder(bootstrap)
                    .applySettings(settings)
                    .build();
        } catch (RuntimeException e) {
            bootstrap.close();
            throw new EntityException.BadSetting(
                    "Hibernate's settings", "Hibernate refuses them: " + Causes.reason(e), e);
        }
    }

    /**
     * Retort's boot settings, then the unit's properties, the file's and the ones given one by one,
     * each winning over the ones before; the two that keep Hibernate from reaching for a connection
     * come last, so nothing overrides them.
     */
    static Map<String, Object> settings(HibernateSettings hibernate, PersistenceUnit unit) {
        return settings(hibernate, unit, Dialect.POSTGRESQL);
    }

    /**
     * The same for a database: Hibernate picks its dialect from the product and version, PostgreSQL 15 or MariaDB
     * {@value #MARIADB_MAJOR}.{@value #MARIADB_MINOR}, the server Retort is tested on.
     */
    static Map<String, Object> settings(HibernateSettings hibernate, PersistenceUnit unit, Dialect dialect) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.xml_mapping_enabled", "false");
        boolean mariaDb = dialect == Dialect.MARIADB;
        settings.put("jakarta.persistence.database-product-name", mariaDb ? "MariaDB" : "PostgreSQL");
        settings.put("jakarta.persistence.database-major-version", mariaDb ? MARIADB_MAJOR : "15");
        settings.put("jakarta.persistence.database-minor-version", mariaDb ? MARIADB_MINOR : "0");
        if (unit != null) settings.putAll(unit.properties());
        if (hibernate.propertiesFile() != null) settings.putAll(read(hibernate.propertiesFile()));
        settings.putAll(hibernate.properties());
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        return settings;
    }

    /** A file read as Hibernate reads {@code hibernate.properties}: Java properties in ISO 8859-1. */
    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new EntityException.BadSetting(PROPERTIES_FILE, file + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new EntityException.BadSetting(PROPERTIES_FILE, file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String problem = SettingRules.problem(key);
            if (problem != null) throw new EntityException.BadSetting(file + ": " + key, problem, null);
            values.put(key, properties.getProperty(key).trim());
        }
        return values;
    }

    /** Refuses a Hibernate dialect the settings name that is not the database's: the mapping would be another's. */
    private static void requireDialect(org.hibernate.dialect.Dialect hibernate, Dialect dialect) {
        // MariaDB's dialect is Hibernate's MySQL dialect with MariaDB's additions; a MySQL server is mapped with it
        boolean matches =
                dialect == Dialect.MARIADB ? hibernate instanceof MySQLDialect : hibernate instanceof PostgreSQLDialect;
        if (!matches) {
            throw new EntityException.BadSetting(
                    "hibernate.dialect",
                    hibernate.getClass().getName() + " is not a " + dialect
                            + " dialect: Retort reads the entities as Hibernate maps them for " + dialect,
                    null);
        }
    }
}
