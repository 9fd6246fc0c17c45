package dev.retort.entities;

import dev.retort.schema.Schema;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Reads JPA entities into a {@link Schema} through Hibernate's boot metamodel, without a database
 * connection, so the tables are exactly those Hibernate would create for PostgreSQL.
 */
public final class EntityReader {
    private static final List<Class<? extends Annotation>> MAPPED =
            List.of(Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class);

    private EntityReader() {}

    /**
     * Reads the entities of a source.
     *
     * @param defaultSchema the schema that tables without one live in; named tables in it lose
     *     their schema, as the introspector writes them
     */
    public static Schema read(EntitySource source, String defaultSchema) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(urls(source.classpath()), EntityReader.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            EntityDiscovery discovery = EntityDiscovery.discover(loader, source.classpath(), source.packages());
            if (discovery.entityCount() == 0)
                throw new EntityException.NoEntities(source.packages(), source.classpath());
            Metadata metadata;
            try (EntityClasses loaded = EntityClasses.load(
                    discovery.names(), loader, type -> MAPPED.stream().anyMatch(type::isAnnotationPresent))) {
                metadata = metadata(loaded.classes(), source.naming(), loader);
            } catch (EntityException e) {
                throw named(e, discovery);
            }
            return SchemaAssembler.schema(new HibernateMapping(metadata, defaultSchema));
        } catch (UncheckedIOException e) {
            throw new EntityException("reading entities failed: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new EntityException("reading entities failed: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Hibernate's failure, or the class it misses and the entity that needs it when a class is missing. */
    private static EntityException named(EntityException failure, EntityDiscovery discovery) {
        if (failure instanceof EntityException.BadNaming) return failure;
        Throwable cause = failure instanceof EntityException.MissingClass ? failure.getCause() : failure;
        return EntityException.MissingClass.missingIn(cause)
                .<EntityException>map(missing -> new EntityException.MissingClass(
                        discovery.needing(missing).orElse(null), missing, cause))
                .orElse(failure);
    }

    private static Metadata metadata(List<Class<?>> classes, Naming naming, ClassLoader loader) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoaderService(new RememberingClassLoaderService(loader))
                .build();
        // destroying this registry also closes the bootstrap registry
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.xml_mapping_enabled", "false")
                .applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
                .applySetting("jakarta.persistence.database-major-version", "15")
                .applySetting("jakarta.persistence.database-minor-version", "0")
                .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            MetadataBuilder builder = sources.getMetadataBuilder();
            applyNaming(builder, naming, loader);
            return builder.build();
        } catch (EntityException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EntityException("Hibernate could not map the entities: " + e.getMessage(), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static void applyNaming(MetadataBuilder builder, Naming naming, ClassLoader loader) {
        switch (naming.value()) {
            case "jpa" -> {}
            case "snake" -> builder.applyPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
            default -> {
                Object strategy = instantiate(naming.value(), loader);
                boolean used = false;
                if (strategy instanceof PhysicalNamingStrategy physical) {
                    builder.applyPhysicalNamingStrategy(physical);
                    used = true;
                }
                if (strategy instanceof ImplicitNamingStrategy implicit) {
                    builder.applyImplicitNamingStrategy(implicit);
                    used = true;
                }
                if (!used) {
                    throw new EntityException.BadNaming(
                            naming.value(),
                            naming.value()
                                    + " is neither 'jpa', 'snake', nor a Hibernate PhysicalNamingStrategy or ImplicitNamingStrategy",
                            null);
                }
            }
        }
    }

    private static Object instantiate(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new EntityException.BadNaming(className, "cannot instantiate " + className + ": " + e, e);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) throw new EntityException.BadClasspathEntry(entry, "does not exist", null);
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new EntityException.BadClasspathEntry(entry, "is not a valid path", e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
