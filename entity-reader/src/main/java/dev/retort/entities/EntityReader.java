package dev.retort.entities;

import dev.retort.classpath.ClassScanner;
import dev.retort.schema.Schema;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
            String unitName = source.hibernate().persistenceUnit();
            PersistenceUnit unit = unitName == null ? null : PersistenceUnit.find(unitName, loader);
            try (EntityClasses loaded = EntityClasses.load(
                    classNames(source, unit, loader),
                    loader,
                    type -> MAPPED.stream().anyMatch(type::isAnnotationPresent))) {
                if (loaded.classes().stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
                    throw new EntityException.NoEntities(source.packages(), source.classpath());
                }
                Metadata metadata = HibernateBoot.metadata(loaded.classes(), unit, source, loader);
                return SchemaAssembler.schema(new HibernateMapping(metadata, defaultSchema));
            }
        } catch (IOException e) {
            throw new EntityException("reading entities failed: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The persistence unit's classes, then, unless it excludes unlisted classes, those under the packages. */
    private static List<String> classNames(EntitySource source, PersistenceUnit unit, ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        if (unit != null) names.addAll(unit.classNames());
        if (unit == null || !unit.excludeUnlistedClasses()) {
            for (String packageName : source.packages())
                names.addAll(ClassScanner.classNames(loader, source.classpath(), packageName));
        }
        return List.copyOf(names);
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
