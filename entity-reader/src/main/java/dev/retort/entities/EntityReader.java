package dev.retort.entities;

import dev.retort.Dialect;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.boot.Metadata;

/**
 * Reads JPA entities into a {@link Schema} through Hibernate's boot metamodel, without a database
 * connection, so the tables are exactly those Hibernate would create for PostgreSQL.
 */
public final class EntityReader {
    private static final List<Class<? extends Annotation>> MAPPED =
            List.of(Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class);

    private EntityReader() {}

    /**
     * Reads the entities of a source, with the application's own Hibernate ORM when the entity class
     * path holds a hibernate-core ({@link HibernateLine}), otherwise with the bundled one.
     *
     * @param defaultSchema the schema that tables without one live in; named tables in it lose
     *     their schema, as the introspector writes them
     */
    public static Schema read(EntitySource source, String defaultSchema) {
        return read(source, defaultSchema, Dialect.POSTGRESQL);
    }

    /**
     * The same, mapped as Hibernate maps the entities for a database: for {@link Dialect#MARIADB}
     * with Hibernate's MariaDB dialect, the types as MariaDB stores what its DDL writes, names as written.
     */
    public static Schema read(EntitySource source, String defaultSchema, Dialect dialect) {
        URL[] urls = urls(source.classpath());
        HibernateLine line;
        try (URLClassLoader loader = new URLClassLoader(urls, EntityReader.class.getClassLoader())) {
            Optional<HibernateLine> application = HibernateLine.applicationsOn(loader);
            if (application.isEmpty() || application.get().readsBundled())
                return readWith(source, defaultSchema, dialect, loader);
            line = application.get();
        } catch (IOException e) {
            throw new EntityException("reading entities failed: " + e.getMessage(), e);
        }
        return ApplicationHibernate.read(line, source, defaultSchema, dialect, urls);
    }

    /**
     * Reads the entities with the Hibernate that {@code loader} (which holds the entity class path)
     * links this class against; the caller closes the loader.
     */
    static Schema readWith(EntitySource source, String defaultSchema, Dialect dialect, ClassLoader loader) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(loader);
            String unitName = source.hibernate().persistenceUnit();
            PersistenceUnit unit = unitName == null ? null : PersistenceUnit.find(unitName, loader);
            // a unit that excludes unlisted classes names every class itself
            List<String> packages = unit != null && unit.excludeUnlistedClasses() ? List.of() : source.packages();
            EntityDiscovery discovery = EntityDiscovery.discover(loader, source.classpath(), packages);
            try (EntityClasses loaded = EntityClasses.load(
                    classNames(unit, discovery), loader, type -> MAPPED.stream().anyMatch(type::isAnnotationPresent))) {
                if (loaded.classes().stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
                    throw new EntityException.NoEntities(source.packages(), source.classpath());
                }
                Metadata metadata = HibernateBoot.metadata(loaded.classes(), unit, source, dialect, loader);
                return SchemaAssembler.schema(new HibernateMapping(metadata, defaultSchema));
            } catch (EntityException e) {
                throw named(e, discovery);
            }
        } catch (UncheckedIOException e) {
            throw new EntityException("reading entities failed: " + e.getCause().getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The persistence unit's classes, then the mapped classes discovered under the packages. */
    private static List<String> classNames(PersistenceUnit unit, EntityDiscovery discovery) {
        Set<String> names = new LinkedHashSet<>();
        if (unit != null) names.addAll(unit.classNames());
        names.addAll(discovery.names());
        return List.copyOf(names);
    }

    /** Hibernate's failure, or the class it misses and the entity that needs it when a class is missing. */
    private static EntityException named(EntityException failure, EntityDiscovery discovery) {
        // these already say what is wrong, in the application's own terms
        if (failure instanceof EntityException.BadNaming
                || failure instanceof EntityException.BadSetting
                || failure instanceof EntityException.NewerJava) return failure;
        Throwable cause = failure instanceof EntityException.MissingClass ? failure.getCause() : failure;
        return Causes.missingClass(cause)
                .<EntityException>map(missing -> new EntityException.MissingClass(
                        discovery.needing(missing).orElse(null), missing, cause))
                .orElse(failure);
    }

    static URL[] urls(List<Path> classpath) {
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
