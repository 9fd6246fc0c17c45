package dev.retort.cli.config;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MessageDigestAlgorithms;

/**
 * The entries of {@code entities.classpath}: directories, jars, {@code dir/*} (every jar in dir,
 * as java's {@code -cp}), separated by commas or the platform's path separator; a Spring Boot fat
 * jar ({@code BOOT-INF/classes}, {@code BOOT-INF/lib/*.jar}) or a WAR ({@code WEB-INF/classes},
 * {@code WEB-INF/lib/*.jar}) becomes its classes and libraries, extracted once to a cache directory
 * named by the archive's SHA-256.
 */
final class EntityClasspath {
    private static final String KEY = "entities.classpath";
    private static final List<String> LAYOUTS = List.of("BOOT-INF/", "WEB-INF/");

    private EntityClasspath() {}

    /** The class path entries the value names, relative paths resolved against {@code base}. */
    static List<Path> parse(String value, Path base, Path cache) {
        List<Path> entries = new ArrayList<>();
        for (String text : value.split("[," + File.pathSeparator + "]")) {
            String entry = text.trim();
            if (entry.isEmpty()) continue;
            if (entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                entries.addAll(jarsIn(
                        entry,
                        base.resolve(entry.substring(0, entry.length() - 1)).normalize()));
            } else {
                Path path = base.resolve(entry).normalize();
                if (!Files.exists(path)) throw bad(entry, "does not exist");
                entries.addAll(Files.isDirectory(path) ? List.of(path) : archive(entry, path, cache));
            }
        }
        return List.copyOf(entries);
    }

    private static List<Path> jarsIn(String entry, Path directory) {
        if (!Files.isDirectory(directory)) throw bad(entry, "names no directory");
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString().toLowerCase();
                if (Files.isRegularFile(file) && name.endsWith(".jar")) jars.add(file);
            }
        } catch (IOException e) {
            throw bad(entry, "cannot be read: " + e.getMessage());
        }
        Collections.sort(jars);
        return jars;
    }

    /** A plain jar as it is; a fat jar or WAR as the classes directory and libraries it holds. */
    private static List<Path> archive(String entry, Path path, Path cache) {
        String layout;
        try (JarFile jar = new JarFile(path.toFile())) {
            layout = LAYOUTS.stream()
                    .filter(prefix -> jar.getEntry(prefix + "classes/") != null
                            || jar.stream().anyMatch(e -> e.getName().startsWith(prefix)))
                    .findFirst()
                    .orElse(null);
            if (layout == null) return List.of(path);
            Path target = cache.resolve("archives").resolve(sha256(path));
            if (!Files.isDirectory(target)) extract(jar, layout, target);
            return contents(target);
        } catch (IOException e) {
            throw bad(entry, "is neither a directory nor a readable jar or WAR: " + e.getMessage());
        }
    }

    private static void extract(JarFile jar, String layout, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), "partial-");
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            Path destination;
            if (name.startsWith(layout + "classes/")) {
                destination = partial.resolve("classes").resolve(name.substring((layout + "classes/").length()));
            } else if (name.startsWith(layout + "lib/") && name.endsWith(".jar") && !entry.isDirectory()) {
                destination = partial.resolve("lib").resolve(name.substring((layout + "lib/").length()));
            } else {
                continue;
            }
            destination = destination.normalize();
            // an entry may not climb out of its directory ("../")
            if (!destination.startsWith(partial))
                throw new IOException("entry " + name + " points outside the archive");
            if (entry.isDirectory()) {
                Files.createDirectories(destination);
                continue;
            }
            Files.createDirectories(destination.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(partial.resolve("classes"));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another run extracted the same archive first: its copy is the same
            if (!Files.isDirectory(target)) throw e;
        } catch (IOException e) {
            if (!Files.isDirectory(target)) throw e;
        }
    }

    private static List<Path> contents(Path target) throws IOException {
        List<Path> entries = new ArrayList<>(List.of(target.resolve("classes")));
        Path lib = target.resolve("lib");
        if (Files.isDirectory(lib)) {
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(lib, "*.jar")) {
                files.forEach(jars::add);
            }
            Collections.sort(jars);
            entries.addAll(jars);
        }
        return entries;
    }

    private static String sha256(Path file) throws IOException {
        return new DigestUtils(MessageDigestAlgorithms.SHA_256).digestAsHex(file);
    }

    private static ConfigException bad(String entry, String problem) {
        return new ConfigException(KEY, KEY + " entry " + entry + " " + problem);
    }
}
