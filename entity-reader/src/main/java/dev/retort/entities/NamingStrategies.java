package dev.retort.entities;

import java.util.List;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;

/**
 * Applies a {@link Naming} to Hibernate's boot. What it leaves alone, Hibernate takes from the
 * settings ({@code hibernate.physical_naming_strategy}, {@code hibernate.implicit_naming_strategy})
 * or its defaults.
 */
final class NamingStrategies {
    static final String NAMING = "entities.naming";
    static final String PHYSICAL = "entities.naming.physical";
    static final String IMPLICIT = "entities.naming.implicit";

    /** Spring Boot 4's class, then Spring Boot 3's: the same rule in two packages. */
    static final List<String> SPRING_IMPLICIT = List.of(
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");

    private NamingStrategies() {}

    static void apply(MetadataBuilder builder, Naming naming, ClassLoader loader) {
        switch (naming.value()) {
            case "jpa" -> {}
            case "snake" -> builder.applyPhysicalNamingStrategy(LineCalls.snakeCase());
            case "spring" -> {
                builder.applyPhysicalNamingStrategy(LineCalls.snakeCase());
                builder.applyImplicitNamingStrategy(springImplicit(loader));
            }
            default -> applyEither(builder, naming.value(), loader);
        }
        if (naming.physical() != null)
            builder.applyPhysicalNamingStrategy(
                    load(PHYSICAL, naming.physical(), PhysicalNamingStrategy.class, loader));
        if (naming.implicit() != null)
            builder.applyImplicitNamingStrategy(
                    load(IMPLICIT, naming.implicit(), ImplicitNamingStrategy.class, loader));
    }

    /** Spring's own class when the entity class path holds it, else Retort's statement of its rule. */
    static ImplicitNamingStrategy springImplicit(ClassLoader loader) {
        for (String name : SPRING_IMPLICIT) {
            Class<?> type;
            try {
                type = Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (ImplicitNamingStrategy.class.isAssignableFrom(type))
                return (ImplicitNamingStrategy) instantiate(NAMING, name, type);
        }
        return new SpringImplicitNaming();
    }

    private static void applyEither(MetadataBuilder builder, String className, ClassLoader loader) {
        Object strategy = instantiate(NAMING, className, type(NAMING, className, loader));
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
                    NAMING,
                    className,
                    className + " is neither 'jpa', 'snake', 'spring', nor a Hibernate PhysicalNamingStrategy or"
                            + " ImplicitNamingStrategy",
                    null);
        }
    }

    private static <T> T load(String key, String className, Class<T> kind, ClassLoader loader) {
        Class<?> type = type(key, className, loader);
        if (!kind.isAssignableFrom(type)) {
            throw new EntityException.BadNaming(
                    key, className, className + " is not a Hibernate " + kind.getSimpleName(), null);
        }
        return kind.cast(instantiate(key, className, type));
    }

    private static Class<?> type(String key, String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EntityException.BadNaming(key, className, "cannot load " + className + ": " + e, e);
        }
    }

    private static Object instantiate(String key, String className, Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new EntityException.BadNaming(key, className, "cannot instantiate " + className + ": " + e, e);
        }
    }
}
