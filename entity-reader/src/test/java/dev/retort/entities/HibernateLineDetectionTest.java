package dev.retort.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a hibernate-core on the entity class path is found and dated: by its class file, the first on
 * the class path, and its manifest; the bundled one when there is none. The class file's content is
 * never read, so these jars hold an empty one.
 */
class HibernateLineDetectionTest {
    @TempDir
    Path dir;

    private Path core(String name, String implementationVersion) throws IOException {
        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (implementationVersion != null)
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(HibernateLine.VERSION_CLASS));
            out.closeEntry();
        }
        return jar;
    }

    private static Optional<HibernateLine> on(Path... entries) throws IOException {
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) urls[i] = entries[i].toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(urls, HibernateLineDetectionTest.class.getClassLoader())) {
            return HibernateLine.applicationsOn(loader);
        }
    }

    @Test
    void noHibernateCoreOnTheClassPathIsTheBundledOne() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(Optional.empty(), on(classes));
        HibernateLine bundled = HibernateLine.bundled();
        assertEquals(Version.getVersionString(), bundled.version());
        assertTrue(bundled.readsBundled());
        assertEquals(Version.getVersionString() + " (bundled)", bundled.describe());
    }

    @Test
    void theFirstHibernateCoreOnTheClassPathDatedByItsManifest() throws IOException {
        Path six = core("hibernate-core-6.6.15.Final.jar", "6.6.15.Final");
        Path seven = core("hibernate-core-7.2.19.Final.jar", "7.2.19.Final");
        HibernateLine line = on(six, seven).orElseThrow();
        assertEquals(new HibernateLine("6.6.15.Final", six), line);
        assertEquals(6, line.major());
        assertEquals(6, line.minor());
        assertTrue(line.supported());
        assertFalse(line.readsBundled());
        assertEquals("6.6.15.Final (the application's: " + six + ")", line.describe());
        assertEquals(new HibernateLine("7.2.19.Final", seven), on(seven, six).orElseThrow());
    }

    @Test
    void whichLinesAreSupported() {
        for (String version : List.of("6.6.0.Final", "6.6.15.Final", "7.0.0.Final", "7.2.19.Final", "7.4.15.Final"))
            assertTrue(new HibernateLine(version, dir).supported(), version);
        for (String version : List.of("5.6.15.Final", "6.5.3.Final", "6.0.0.Alpha1", "8.0.0.Final", "x"))
            assertFalse(new HibernateLine(version, dir).supported(), version);
        assertFalse(new HibernateLine(null, dir).supported());
        assertTrue(new HibernateLine(Version.getVersionString(), dir).readsBundled());
    }

    @Test
    void aDirectoryWithoutAManifestIsOfUnknownVersionAndRefused() throws IOException {
        Path exploded = dir.resolve("exploded");
        Files.createDirectories(exploded.resolve("org/hibernate"));
        Files.write(exploded.resolve(HibernateLine.VERSION_CLASS), new byte[0]);
        HibernateLine line = on(exploded).orElseThrow();
        assertEquals(new HibernateLine(null, exploded), line);
        EntitySource source = new EntitySource(List.of("com.example"), List.of(exploded), Naming.JPA);
        EntityException.UnsupportedHibernate e =
                assertThrows(EntityException.UnsupportedHibernate.class, () -> EntityReader.read(source, "public"));
        assertEquals(
                "entities.classpath holds Hibernate ORM of unknown version (its manifest does not say) (" + exploded
                        + "): Retort reads entities with an application's Hibernate ORM 6.6 or later or 7.x, or with"
                        + " its bundled " + Version.getVersionString() + " when entities.classpath holds no"
                        + " hibernate-core",
                e.getMessage());
        assertEquals(line, e.line());
    }

    @Test
    void aJarWithoutAnImplementationVersionTakesItsBundleVersion() throws IOException {
        Path jar = dir.resolve("osgi.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-Version", "7.2.19.Final");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(HibernateLine.VERSION_CLASS));
            out.closeEntry();
        }
        assertEquals(new HibernateLine("7.2.19.Final", jar), on(jar).orElseThrow());
    }
}
