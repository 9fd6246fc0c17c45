package dev.retort.runtime.internal.source;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One entry of the on-disk cache of compiled migrations: a folder named by the hash of the sources,
 * holding the class files and an index that names the hash again and each class's SHA-256, so a
 * corrupt, foreign or half-written entry is never loaded: it is discarded and the sources compiled.
 * Entries are written under a {@code tmp-} name and moved into place; a {@code tmp-} folder left by
 * a killed run is removed once it is older than {@link #STALE}.
 */
final class CompileCache {
    static final Duration STALE = Duration.ofMinutes(10);
    private static final String INDEX = "index.properties";
    // '/' cannot occur in a binary class name, so these keys never meet a class
    private static final String SOURCES_KEY = "/sources";
    private static final String DIGEST_PREFIX = "/sha256/";

    private final Path root;
    private final String sourcesHash;

    CompileCache(Path root, String sourcesHash) {
        this.root = root;
        this.sourcesHash = sourcesHash;
    }

    private Path entry() {
        return root.resolve(sourcesHash);
    }

    /** The cached classes of these sources, or null when there are none that can be trusted. */
    Compiled read() {
        Path entry = entry();
        if (!Files.isRegularFile(entry.resolve(INDEX))) return null;
        Properties index = new Properties();
        try (Reader reader = Files.newBufferedReader(entry.resolve(INDEX), StandardCharsets.UTF_8)) {
            index.load(reader);
            if (!sourcesHash.equals(index.getProperty(SOURCES_KEY))) return null;
            Map<String, byte[]> classes = new TreeMap<>();
            Map<String, String> sourceOf = new TreeMap<>();
            for (String name : index.stringPropertyNames()) {
                if (name.startsWith("/")) continue;
                byte[] bytes = Files.readAllBytes(entry.resolve(name + ".class"));
                if (!sha256(bytes).equals(index.getProperty(DIGEST_PREFIX + name))) return null;
                classes.put(name, bytes);
                if (!index.getProperty(name).isEmpty()) sourceOf.put(name, index.getProperty(name));
            }
            return classes.isEmpty() ? null : new Compiled(classes, sourceOf);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed index, or a class name the file system cannot spell
            // (InvalidPathException)
            return null;
        }
    }

    /**
     * Writes the entry, in place of one that could not be used. Best effort: a cache that cannot be
     * written only costs a compilation next time.
     */
    void write(Compiled compiled) {
        Path temporary = null;
        try {
            Files.createDirectories(root);
            removeStale(Instant.now().minus(STALE));
            discard();
            temporary = Files.createTempDirectory(root, "tmp-");
            Properties index = new Properties();
            index.setProperty(SOURCES_KEY, sourcesHash);
            for (Map.Entry<String, byte[]> entry : compiled.classes().entrySet()) {
                Files.write(temporary.resolve(entry.getKey() + ".class"), entry.getValue());
                index.setProperty(entry.getKey(), compiled.sourceOf().getOrDefault(entry.getKey(), ""));
                index.setProperty(DIGEST_PREFIX + entry.getKey(), sha256(entry.getValue()));
            }
            try (Writer writer = Files.newBufferedWriter(temporary.resolve(INDEX), StandardCharsets.UTF_8)) {
                index.store(writer, null);
            }
            Files.move(temporary, entry(), StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            // another process may have written the same entry first, the cache is read-only, or a class name cannot be
            // a file name here
        } finally {
            if (temporary != null) deleteQuietly(temporary);
        }
    }

    /** Removes this sources' entry, if any: moved aside first, so no reader sees it half deleted. */
    private void discard() {
        Path entry = entry();
        if (!Files.exists(entry)) return;
        try {
            Path aside = Files.createTempDirectory(root, "tmp-");
            Files.move(entry, aside.resolve("discarded"), StandardCopyOption.ATOMIC_MOVE);
            deleteQuietly(aside);
        } catch (IOException e) {
            deleteQuietly(entry);
        }
    }

    /** Deletes {@code tmp-} folders last changed before {@code cutoff}: what killed runs left behind. */
    private void removeStale(Instant cutoff) {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith("tmp-"))
                    .toList()) {
                if (Files.getLastModifiedTime(child).toInstant().isBefore(cutoff)) deleteQuietly(child);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort, like the rest of the cache
        }
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a later run removes it once it is stale
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiled classes by binary name, and the source file each came from. */
    record Compiled(Map<String, byte[]> classes, Map<String, String> sourceOf) {}
}
