package dev.retort.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Floor (c) of {@code bench/run --floor}: Hibernate's metadata of the entity classes under a directory, loaded as
 * {@code check} loads them (a class loader of their own), with the MariaDB dialect and no database; prints the entity
 * count.
 */
public final class FloorHibernate {
    private FloorHibernate() {}

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, FloorHibernate.class.getClassLoader());
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(new BootstrapServiceRegistryBuilder()
                        .applyClassLoader(loader)
                        .build())
                .applySetting("jakarta.persistence.database-product-name", "MariaDB")
                .applySetting("jakarta.persistence.database-major-version", "10")
                .applySetting("jakarta.persistence.database-minor-version", "11")
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.xml_mapping_enabled", "false")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String name : names) sources.addAnnotatedClass(Class.forName(name, false, loader));
            Metadata metadata = sources.buildMetadata();
            System.out.println(metadata.getEntityBindings().size() + " entities, "
                    + metadata.getDatabase().getDialect().getClass().getSimpleName());
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
