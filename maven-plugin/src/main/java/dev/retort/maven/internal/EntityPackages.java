package dev.retort.maven.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;

/**
 * The packages of a project's own {@code @Entity} classes, found by reading the class files of its output directory
 * with Jandex (nothing loaded): the default of {@code entities.packages}, which takes sub-packages too.
 */
public final class EntityPackages {
    private static final DotName ENTITY = DotName.createSimple("jakarta.persistence.Entity");

    private EntityPackages() {}

    /** The packages, a package under another left out; empty when the directory holds no entity (or is missing). */
    public static List<String> in(Path classesDirectory) {
        if (!Files.isDirectory(classesDirectory)) return List.of();
        SortedSet<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .map(EntityPackages::read)
                    .filter(info -> info != null && info.declaredAnnotation(ENTITY) != null)
                    .forEach(info -> packages.add(
                            info.name().packagePrefix() == null
                                    ? ""
                                    : info.name().packagePrefix()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages.stream()
                .filter(name -> packages.stream().noneMatch(other -> isUnder(name, other)))
                .toList();
    }

    private static boolean isUnder(String name, String other) {
        return !name.equals(other) && (other.isEmpty() || name.startsWith(other + "."));
    }

    private static ClassInfo read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Index.singleClass(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null; // not a class file Jandex reads: not an entity the reader could use either
        }
    }
}
