package dev.retort.realapps;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Creates an application's schema the way its own Hibernate does at start-up: a JPA bootstrap of
 * the application's persistence unit (its own {@code persistence.xml}, or one listing the mapped
 * classes found in a classes directory, as Spring Boot's entity scan does) with the application's
 * settings, creating the tables in a database and writing Hibernate's script.
 *
 * <p>Run it with the application's class path (its Hibernate, its Hibernate Validator): {@code
 * HibernateSchema SETTINGS_FILE [CLASSES_DIR]}. The settings file holds the JPA and Hibernate
 * properties, among them {@code jakarta.persistence.jdbc.url}, the unit name under {@code
 * realapps.unit} and, for a JTA unit, {@code realapps.jta-data-source=true} to hand it a
 * PostgreSQL data source for the unit's {@code jta-data-source}, and {@code
 * realapps.bean-container=true} to make the beans Hibernate asks the application's container for
 * (entity listeners with injected collaborators) with {@link ConstructorBeanContainer}.
 */
public final class HibernateSchema {
    private static final List<Class<? extends Annotation>> MAPPED =
            List.of(Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class);

    private HibernateSchema() {}

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            settings.load(reader);
        }
        String unit = settings.getProperty("realapps.unit", "realapp");
        Map<String, Object> properties = new HashMap<>();
        settings.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("realapps."))
                .forEach(key -> properties.put(key, settings.getProperty(key)));
        if (Boolean.parseBoolean(settings.getProperty("realapps.bean-container"))) {
            properties.put("hibernate.resource.beans.container", new ConstructorBeanContainer());
        }
        if (Boolean.parseBoolean(settings.getProperty("realapps.jta-data-source"))) {
            properties.put("jakarta.persistence.jtaDataSource", dataSource(settings));
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (args.length > 1) loader = withUnit(unit, mappedClasses(Path.of(args[1]), loader), loader);
        Thread.currentThread().setContextClassLoader(loader);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, properties);
        factory.close();
    }

    /** A PostgreSQL data source for the settings' URL and user, made through the driver on the class path. */
    private static Object dataSource(Properties settings) throws ReflectiveOperationException {
        Class<?> type = Class.forName("org.postgresql.ds.PGSimpleDataSource");
        Object source = type.getConstructor().newInstance();
        type.getMethod("setUrl", String.class).invoke(source, settings.getProperty("jakarta.persistence.jdbc.url"));
        type.getMethod("setUser", String.class).invoke(source, settings.getProperty("jakarta.persistence.jdbc.user", "postgres"));
        return source;
    }

    /** The classes under a directory that carry a JPA mapping annotation, by name. */
    private static List<String> mappedClasses(Path root, ClassLoader loader) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String relative = root.relativize(file).toString();
                if (!relative.endsWith(".class") || relative.endsWith("package-info.class")) continue;
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (isMapped(name, loader)) names.add(name);
            }
        }
        return names;
    }

    private static boolean isMapped(String name, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            return MAPPED.stream().anyMatch(type::isAnnotationPresent);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A loader that adds a {@code META-INF/persistence.xml} declaring the unit with exactly these classes. */
    private static ClassLoader withUnit(String unit, List<String> classes, ClassLoader parent) throws IOException {
        Path dir = Files.createTempDirectory("realapps-unit");
        Path xml = dir.resolve("META-INF/persistence.xml");
        Files.createDirectories(xml.getParent());
        StringBuilder text = new StringBuilder();
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\" version=\"3.0\">\n")
                .append("  <persistence-unit name=\"").append(unit).append("\" transaction-type=\"RESOURCE_LOCAL\">\n")
                .append("    <provider>org.hibernate.jpa.HibernatePersistenceProvider</provider>\n");
        for (String name : classes) text.append("    <class>").append(name).append("</class>\n");
        text.append("    <exclude-unlisted-classes>true</exclude-unlisted-classes>\n")
                .append("  </persistence-unit>\n</persistence>\n");
        Files.writeString(xml, text, StandardCharsets.UTF_8);
        System.err.println("realapps: unit " + unit + " with " + classes.size() + " mapped classes: " + classes);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, parent);
    }
}
