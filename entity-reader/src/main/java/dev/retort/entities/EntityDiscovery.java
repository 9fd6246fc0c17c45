package dev.retort.entities;

import dev.retort.classpath.ClassScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * Finds the mapped classes ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass},
 * {@code @Converter}) by reading class files with Jandex, never loading a class: those under the
 * packages, then the mapped classes they name (superclasses, attribute types, converters, listeners,
 * id classes) wherever they are on the class path. Only these are then given to Hibernate, so a
 * controller or validator whose dependencies are missing is never touched.
 */
final class EntityDiscovery {
    private static final DotName ENTITY = DotName.createSimple("jakarta.persistence.Entity");
    private static final Set<DotName> MAPPED = Set.of(
            ENTITY,
            DotName.createSimple("jakarta.persistence.Embeddable"),
            DotName.createSimple("jakarta.persistence.MappedSuperclass"),
            DotName.createSimple("jakarta.persistence.Converter"));

    private final ClassLoader loader;
    /** Every class file read, by name; empty for a name that has no class file on the class path. */
    private final Map<DotName, Optional<ClassInfo>> read = new HashMap<>();

    private final Set<String> mapped = new LinkedHashSet<>();

    private EntityDiscovery(ClassLoader loader) {
        this.loader = loader;
    }

    /** The mapped classes under the packages and those they name, packages' classes first in name order. */
    static EntityDiscovery discover(ClassLoader loader, List<Path> classpath, List<String> packages) {
        EntityDiscovery discovery = new EntityDiscovery(loader);
        Deque<DotName> named = new ArrayDeque<>();
        for (String packageName : packages) {
            for (String name : ClassScanner.classNames(loader, classpath, packageName)) {
                discovery
                        .info(DotName.createSimple(name))
                        .filter(EntityDiscovery::isMapped)
                        .ifPresent(info -> {
                            if (discovery.mapped.add(name)) named.add(info.name());
                        });
            }
        }
        while (!named.isEmpty()) {
            for (DotName reference : references(discovery.info(named.poll()).orElseThrow())) {
                discovery.info(reference).filter(EntityDiscovery::isMapped).ifPresent(info -> {
                    if (discovery.mapped.add(info.name().toString())) named.add(info.name());
                });
            }
        }
        return discovery;
    }

    /** The mapped class names found, in discovery order. */
    List<String> names() {
        return List.copyOf(mapped);
    }

    /** How many of them are {@code @Entity} classes. */
    long entityCount() {
        return mapped.stream()
                .filter(name -> info(DotName.createSimple(name))
                        .map(info -> info.declaredAnnotation(ENTITY) != null)
                        .orElse(false))
                .count();
    }

    /**
     * The first mapped class (entities first) that needs the missing class, directly or through
     * classes whose files are on the class path; empty when none does.
     */
    Optional<String> needing(String missing) {
        DotName target = DotName.createSimple(missing);
        List<String> order = new ArrayList<>();
        mapped.stream().filter(n -> isEntity(n)).forEach(order::add);
        mapped.stream().filter(n -> !isEntity(n)).forEach(order::add);
        for (String name : order) {
            if (reaches(DotName.createSimple(name), target)) return Optional.of(name);
        }
        return Optional.empty();
    }

    private boolean isEntity(String name) {
        return info(DotName.createSimple(name))
                .map(info -> info.declaredAnnotation(ENTITY) != null)
                .orElse(false);
    }

    private boolean reaches(DotName from, DotName target) {
        Set<DotName> seen = new HashSet<>(Set.of(from));
        Deque<DotName> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty()) {
            Optional<ClassInfo> info = info(next.poll());
            if (info.isEmpty()) continue;
            for (DotName reference : references(info.get())) {
                if (reference.equals(target)) return true;
                // the JDK's and Jakarta's own classes are there; only the application's are followed
                if (!reference.toString().startsWith("java") && seen.add(reference)) next.add(reference);
            }
        }
        return false;
    }

    private static boolean isMapped(ClassInfo info) {
        return MAPPED.stream().anyMatch(name -> info.declaredAnnotation(name) != null);
    }

    /** The class file's index entry, read once; empty when the class path has no such file. */
    private Optional<ClassInfo> info(DotName name) {
        return read.computeIfAbsent(name, this::index);
    }

    private Optional<ClassInfo> index(DotName name) {
        try (InputStream in = loader.getResourceAsStream(name.toString().replace('.', '/') + ".class")) {
            if (in == null) return Optional.empty();
            return Optional.of(Index.singleClass(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // not a class file Jandex can read: Hibernate, loading it, says what is wrong
            return Optional.empty();
        }
    }

    /** The classes a class file names: supertypes, member types, and classes given to its annotations. */
    private static Set<DotName> references(ClassInfo info) {
        Set<DotName> names = new LinkedHashSet<>();
        if (info.superName() != null) names.add(info.superName());
        names.addAll(info.interfaceNames());
        for (FieldInfo field : info.fields()) addType(field.type(), names);
        for (MethodInfo method : info.methods()) {
            addType(method.returnType(), names);
            method.parameterTypes().forEach(type -> addType(type, names));
        }
        for (AnnotationInstance annotation : info.annotations()) {
            for (AnnotationValue value : annotation.values()) addClasses(value, names);
        }
        return names;
    }

    private static void addClasses(AnnotationValue value, Set<DotName> names) {
        switch (value.kind()) {
            case CLASS -> addType(value.asClass(), names);
            case NESTED -> value.asNested().values().forEach(v -> addClasses(v, names));
            case ARRAY -> {
                if (value.componentKind() == AnnotationValue.Kind.CLASS) {
                    for (Type type : value.asClassArray()) addType(type, names);
                } else if (value.componentKind() == AnnotationValue.Kind.NESTED) {
                    for (AnnotationInstance nested : value.asNestedArray())
                        nested.values().forEach(v -> addClasses(v, names));
                }
            }
            default -> {}
        }
    }

    private static void addType(Type type, Set<DotName> names) {
        switch (type.kind()) {
            case CLASS -> names.add(type.name());
            case ARRAY -> addType(type.asArrayType().elementType(), names);
            case PARAMETERIZED_TYPE -> {
                names.add(type.name());
                type.asParameterizedType().arguments().forEach(argument -> addType(argument, names));
            }
            default -> {}
        }
    }
}
