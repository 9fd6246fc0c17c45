package dev.retort.entities;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the entity classes are and how the application's Hibernate is configured: the packages to
 * scan (sub-packages included), the class path entries (directories or jars) that hold them, the
 * naming strategies, and the application's own Hibernate settings. The packages may be empty only
 * when a persistence unit names the classes.
 */
public record EntitySource(List<String> packages, List<Path> classpath, Naming naming, HibernateSettings hibernate) {
    public EntitySource {
        packages = List.copyOf(requireNonNull(packages, "packages"));
        classpath = List.copyOf(requireNonNull(classpath, "classpath"));
        requireNonNull(naming, "naming");
        requireNonNull(hibernate, "hibernate");
        if (packages.isEmpty() && hibernate.persistenceUnit() == null)
            throw new IllegalArgumentException("no entity packages");
    }

    /** Entities read with Hibernate's settings left as they are. */
    public EntitySource(List<String> packages, List<Path> classpath, Naming naming) {
        this(packages, classpath, naming, HibernateSettings.NONE);
    }

    /** This source with the application's own Hibernate settings. */
    public EntitySource withHibernate(HibernateSettings settings) {
        return new EntitySource(packages, classpath, naming, settings);
    }
}
