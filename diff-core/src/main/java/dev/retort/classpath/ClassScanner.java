package dev.retort.classpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the class names under a package: in the given class path entries (read directly, since a
 * jar need not list its directories) and anywhere else the class loader finds the package.
 */
public final class ClassScanner {
    private ClassScanner() {}

    /** Class names under {@code packageName}, sorted; the package's sub-packages included. */
    public static List<String> classNames(ClassLoader loader, List<Path> entries, String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        // the loader usually has the entries too: each directory and jar is read once
        Set<Path> read = new HashSet<>();
        try {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    Path directory = entry.resolve(path);
                    if (Files.isDirectory(directory)
                            && read.add(directory.toAbsolutePath().normalize())) {
                        fromDirectory(directory, packageName, names);
                    }
                } else if (read.add(entry.toAbsolutePath().normalize())) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        fromJar(jar, path, names);
                    }
                }
            }
            Enumeration<URL> roots = loader.getResources(path);
            for (URL root : Collections.list(roots)) {
                if (root.getProtocol().equals("file")) {
                    Path directory = Path.of(root.toURI());
                    if (read.add(directory.toAbsolutePath().normalize())) fromDirectory(directory, packageName, names);
                } else if (root.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    URL jarFile = connection.getJarFileURL();
                    if (jarFile.getProtocol().equals("file")
                            && !read.add(
                                    Path.of(jarFile.toURI()).toAbsolutePath().normalize())) continue;
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        fromJar(jar, path, names);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(names);
    }

    private static void fromDirectory(Path directory, String packageName, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(file -> {
                String relative = directory
                        .relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                names.add(packageName + "." + relative.substring(0, relative.length() - ".class".length()));
            });
        }
    }

    private static void fromJar(JarFile jar, String path, TreeSet<String> names) {
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.startsWith(path + "/") && name.endsWith(".class") && !name.endsWith("module-info.class")) {
                names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
        }
    }
}
