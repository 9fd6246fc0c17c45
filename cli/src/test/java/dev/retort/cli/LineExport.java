package dev.retort.cli;

import dev.retort.classpath.ClassScanner;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Hibernate's own DDL under one Hibernate line, as an application on that line makes it: the
 * line's jars and the entities in a class loader of their own (nothing of Retort's or of the test's
 * Hibernate), a session factory built through {@code org.hibernate.cfg.Configuration} with the JPA
 * {@code create} script action. Reflection only: the same calls are in 6.6 and 7.x.
 */
final class LineExport {
    private LineExport() {}

    /** The runtime class path of an application on a line ({@code 6.6}, {@code 7.2}), as the build lists it. */
    static List<Path> jars(String line) {
        String resource = "hibernate-lines/" + line + ".classpath";
        try (InputStream in = LineExport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no " + resource + " on the test class path");
            List<Path> jars = new ArrayList<>();
            for (String entry :
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(File.pathSeparator))
                jars.add(Path.of(entry));
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The create script for the {@code @Entity} classes of the package. */
    static String createScript(List<Path> jars, Path entities, String entityPackage, Map<String, String> settings)
            throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(entities.toUri().toURL());
        for (Path jar : jars) urls.add(jar.toUri().toURL());
        // as the reader does: the line's class path holds Logback, which prints at DEBUG unconfigured
        if (System.getProperty("org.jboss.logging.provider") == null)
            System.setProperty("org.jboss.logging.provider", "jdk");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> configurationType = loader.loadClass("org.hibernate.cfg.Configuration");
            Object configuration = configurationType.getConstructor().newInstance();
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> entity =
                    (Class<? extends Annotation>) loader.loadClass("jakarta.persistence.Entity");
            for (String name : ClassScanner.classNames(loader, List.of(entities), entityPackage)) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(entity))
                    configurationType
                            .getMethod("addAnnotatedClass", Class.class)
                            .invoke(configuration, type);
            }
            StringWriter script = new StringWriter();
            Properties properties = new Properties();
            // Hibernate's class loading always asks the system class loader last, which here holds the
            // tests' Bean Validation API: an application without one on its class path skips it, as this does
            properties.put("jakarta.persistence.validation.mode", "none");
            properties.put("jakarta.persistence.database-product-name", "PostgreSQL");
            properties.put("jakarta.persistence.database-major-version", "15");
            properties.putAll(settings); // a caller's database (MariaDB) over PostgreSQL
            properties.put("hibernate.boot.allow_jdbc_metadata_access", "false");
            properties.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
            properties.put("jakarta.persistence.schema-generation.scripts.action", "create");
            properties.put("jakarta.persistence.schema-generation.scripts.create-target", script);
            configurationType.getMethod("addProperties", Properties.class).invoke(configuration, properties);
            Object sessionFactory =
                    configurationType.getMethod("buildSessionFactory").invoke(configuration);
            ((AutoCloseable) sessionFactory).close();
            return script.toString();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
