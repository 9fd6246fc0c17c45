package dev.retort.cli;

import dev.retort.classpath.ClassScanner;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate's own DDL for a package of entities and a set of settings, made as an application's
 * Hibernate makes it: a session factory built with the JPA {@code create} script action, so that
 * Hibernate's integrators (Bean Validation) and its column ordering run as they do in the
 * application, with the given jars (Hibernate Validator, Spring's naming) on its class loader.
 */
final class HibernateExport {
    /** Where the build copies the jars an application's class path would hold (see the root pom). */
    static final Path JARS = Path.of("target", "entity-jars");

    private HibernateExport() {}

    /** The jars of one of the folders under {@link #JARS}: {@code validation}, {@code el}, {@code spring}. */
    static List<Path> jars(String folder) {
        try (Stream<Path> files = Files.list(JARS.resolve(folder))) {
            return files.map(Path::toAbsolutePath).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String createScript(String entityPackage, Map<String, Object> settings, List<Path> jars) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) urls.add(jar.toUri().toURL());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), HibernateExport.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            StringWriter script = new StringWriter();
            Map<String, Object> all = new HashMap<>();
            all.put("jakarta.persistence.database-product-name", "PostgreSQL");
            all.put("jakarta.persistence.database-major-version", "15");
            all.putAll(settings); // a caller's database (MariaDB) over PostgreSQL
            all.put("hibernate.boot.allow_jdbc_metadata_access", "false");
            all.put("jakarta.persistence.schema-generation.scripts.action", "create");
            all.put("jakarta.persistence.schema-generation.scripts.create-target", script);
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                    .applyClassLoader(loader)
                    .build();
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                    .applySettings(all)
                    .build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                for (String name : ClassScanner.classNames(loader, List.of(), entityPackage)) {
                    Class<?> type = Class.forName(name, false, loader);
                    if (type.isAnnotationPresent(Entity.class)) sources.addAnnotatedClass(type);
                }
                sources.buildMetadata().getSessionFactoryBuilder().build().close();
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            return script.toString();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
