package dev.retort.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The Hibernate ORM that reads the entities: the application's own hibernate-core when the entity
 * class path holds one (found and dated by its class file and manifest, nothing loaded), otherwise
 * the one bundled with Retort.
 *
 * @param version the version as hibernate-core's manifest gives it ({@code 6.6.15.Final}); null
 *     when the application's jar does not say
 * @param location the application's jar or directory holding it; null for the bundled one
 */
public record HibernateLine(String version, Path location) {
    /** The class every hibernate-core has, since Hibernate 3. */
    static final String VERSION_CLASS = "org/hibernate/Version.class";

    /** The bundled Hibernate ORM, whose version the build writes beside this class. */
    public static HibernateLine bundled() {
        return new HibernateLine(Bundled.VERSION, null);
    }

    /**
     * The application's hibernate-core on the loader's own class path (the first, in class-path
     * order, as the application loads it); empty when there is none. The loader's parents are not
     * searched.
     */
    public static Optional<HibernateLine> applicationsOn(URLClassLoader loader) {
        URL found = loader.findResource(VERSION_CLASS);
        return found == null
                ? Optional.empty()
                : Optional.of(new HibernateLine(manifestVersion(found), location(found)));
    }

    /** The Hibernate ORM that reads the entities on the loader's own class path: the application's, or the bundled one. */
    public static HibernateLine on(URLClassLoader loader) {
        return applicationsOn(loader).orElseGet(HibernateLine::bundled);
    }

    /** Whether the bundled Hibernate reads the entities: there is no other, or the other is the same version. */
    public boolean readsBundled() {
        return location == null || Bundled.VERSION.equals(version);
    }

    /** The major version, or -1 when the version is unknown or not of the form {@code 6.6.15.Final}. */
    public int major() {
        return part(1);
    }

    /** The minor version, or -1 when unknown. */
    public int minor() {
        return part(2);
    }

    /** Whether Retort can read entities with it: the bundled one, or an application's 6.6 or later 6.x, or a 7.x. */
    public boolean supported() {
        return readsBundled() || major() == 7 || major() == 6 && minor() >= 6;
    }

    /** Which Hibernate ORM it is and whose, for {@code check -v}: {@code 6.6.15.Final (the application's: PATH)}. */
    public String describe() {
        if (location == null) return version + " (bundled)";
        return (version == null ? "of unknown version" : version) + " (the application's: " + location + ")";
    }

    /** One dot-separated number of the version: 1 for the major, 2 for the minor; -1 when there is none. */
    private int part(int index) {
        if (version == null) return -1;
        String[] parts = version.split("\\.");
        if (parts.length <= index) return -1;
        try {
            return Integer.parseInt(parts[index - 1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The version the manifest of the jar (or directory) holding the class gives, or null. */
    private static String manifestVersion(URL versionClass) {
        try {
            Manifest manifest = manifest(versionClass);
            if (manifest == null) return null;
            Attributes main = manifest.getMainAttributes();
            String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return version != null ? version.trim() : blankToNull(main.getValue("Bundle-Version"));
        } catch (IOException e) {
            throw new EntityException("cannot read the manifest beside " + versionClass + ": " + e.getMessage(), e);
        }
    }

    private static Manifest manifest(URL versionClass) throws IOException {
        URLConnection connection = versionClass.openConnection();
        if (connection instanceof JarURLConnection jar) {
            // not the JVM's shared cache, which would keep the application's jar open
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                return file.getManifest();
            }
        }
        String text = versionClass.toString();
        URL manifest = new URL(text.substring(0, text.length() - VERSION_CLASS.length()) + "META-INF/MANIFEST.MF");
        try (InputStream in = manifest.openStream()) {
            return new Manifest(in);
        } catch (IOException e) {
            // a directory without a manifest: the version is unknown
            return null;
        }
    }

    /** The jar or directory on the class path that holds the class. */
    private static Path location(URL versionClass) {
        try {
            URL root = versionClass;
            if ("jar".equals(versionClass.getProtocol())) {
                String text = versionClass.getPath();
                root = new URL(text.substring(0, text.indexOf("!/")));
            } else {
                String text = versionClass.toString();
                root = new URL(text.substring(0, text.length() - VERSION_CLASS.length()));
            }
            return Path.of(root.toURI());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new EntityException("cannot tell where " + versionClass + " is: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The bundled version, read once from the resource the build filters. */
    private static final class Bundled {
        static final String VERSION = read();

        private static String read() {
            Properties properties = new Properties();
            try (InputStream in = HibernateLine.class.getResourceAsStream("bundled-hibernate.properties")) {
                if (in == null) throw new IllegalStateException("the build did not write bundled-hibernate.properties");
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version");
        }
    }
}
