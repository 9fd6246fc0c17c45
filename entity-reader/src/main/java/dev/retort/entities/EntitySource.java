package dev.retort.entities;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the entity classes are: the packages to scan (sub-packages included), the class path
 * entries (directories or jars) that hold them, and the naming strategy the application uses.
 */
public record EntitySource(List<String> packages, List<Path> classpath, Naming naming) {
    public EntitySource {
        packages = List.copyOf(requireNonNull(packages, "packages"));
        classpath = List.copyOf(requireNonNull(classpath, "classpath"));
        requireNonNull(naming, "naming");
        if (packages.isEmpty()) throw new IllegalArgumentException("no entity packages");
    }
}
