package dev.retort.entities;

import static java.util.Objects.requireNonNull;

/**
 * The application's naming strategy: {@code jpa} (Hibernate's default), {@code snake} (Spring
 * Boot's camel-case-to-underscores), or the class name of a Hibernate {@code PhysicalNamingStrategy}
 * or {@code ImplicitNamingStrategy}.
 */
public record Naming(String value) {
    public static final Naming JPA = new Naming("jpa");
    public static final Naming SNAKE = new Naming("snake");

    public Naming {
        requireNonNull(value, "value");
        value = value.isBlank() ? "jpa" : value.trim();
    }
}
