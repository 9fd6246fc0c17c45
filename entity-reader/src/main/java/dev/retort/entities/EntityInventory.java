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
 * loaded), and which Hibernate reads it: for a verbose report.
 */
public record EntityInventory(HibernateLine hibernate, List<String> mappedClasses, long entityClasses) {
    public EntityInventory {
        mappedClasses = List.copyOf(mappedClasses);
    }

    /** The mapped classes of the source and the Hibernate ORM that reads them. */
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
            return new EntityInventory(HibernateLine.on(loader), discovery.names(), discovery.entityCount());
        } catch (IOException e) {
            throw new EntityException("reading entities failed: " + e.getMessage(), e);
        }
    }
}
