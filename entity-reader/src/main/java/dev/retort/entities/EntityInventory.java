package dev.retort.entities;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an entity source holds, found as {@link EntityReader} finds it (class files read, nothing
 * loaded), which Hibernate reads it and with which naming strategies (class names): for a verbose report.
 */
public record EntityInventory(
        HibernateLine hibernate,
        List<String> mappedClasses,
        long entityClasses,
        String physicalNaming,
        String implicitNaming) {
    public EntityInventory {
        mappedClasses = List.copyOf(mappedClasses);
    }

    /** The mapped classes of the source, the Hibernate ORM that reads them and the naming strategies it uses. */
    public static EntityInventory of(EntitySource source) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : source.classpath()) {
            if (!Files.exists(entry)) throw new EntityException.BadClasspathEntry(entry, "does not exist", null);
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new EntityException.BadClasspathEntry(entry, "is not a valid path", e);
            }
        }
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), EntityInventory.class.getClassLoader())) {
            EntityDiscovery discovery = EntityDiscovery.discover(loader, source.classpath(), source.packages());
            HibernateLine line = HibernateLine.on(loader);
            // the application's Hibernate names its strategies itself (6.x's snake-case naming is another class)
            List<String> naming = line.readsBundled()
                    ? HibernateBoot.namingStrategiesWith(source, loader)
                    : ApplicationHibernate.namingStrategies(line, source, urls.toArray(URL[]::new));
            return new EntityInventory(line, discovery.names(), discovery.entityCount(), naming.get(0), naming.get(1));
        } catch (IOException e) {
            throw new EntityException("reading entities failed: " + e.getMessage(), e);
        }
    }
}
