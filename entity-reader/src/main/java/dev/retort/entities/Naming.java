package dev.retort.entities;

import static java.util.Objects.requireNonNull;

/**
 * The application's naming strategies: {@code value} is {@code jpa} (Hibernate's defaults),
 * {@code snake} (Spring Boot's camel-case-to-underscores physical naming), {@code spring} (Spring
 * Boot's pair: that physical naming and {@code SpringImplicitNamingStrategy}), or the class name of
 * a Hibernate {@code PhysicalNamingStrategy} or {@code ImplicitNamingStrategy}; {@code physical}
 * and {@code implicit}, when not null, each name the class of one half and win over what
 * {@code value} gives that half.
 */
public record Naming(String value, String physical, String implicit) {
    public static final Naming JPA = new Naming("jpa");
    public static final Naming SNAKE = new Naming("snake");
    public static final Naming SPRING = new Naming("spring");

    public Naming {
        requireNonNull(value, "value");
        value = value.isBlank() ? "jpa" : value.trim();
        physical = blankToNull(physical);
        implicit = blankToNull(implicit);
    }

    public Naming(String value) {
        this(value, null, null);
    }

    /** This naming with the physical half given by a class name ({@code entities.naming.physical}). */
    public Naming withPhysical(String className) {
        return new Naming(value, className, implicit);
    }

    /** This naming with the implicit half given by a class name ({@code entities.naming.implicit}). */
    public Naming withImplicit(String className) {
        return new Naming(value, physical, className);
    }

    private static String blankToNull(String className) {
        return className == null || className.isBlank() ? null : className.trim();
    }
}
