package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.internal.source.SourceMigrations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile cache of source-mode migrations: what is in it is loaded only if it is what the sources compile to. */
class CompileCacheTest {
    @TempDir
    Path dir;

    Path migrations;
    Path cache;

    @BeforeEach
    void folders() throws IOException {
        migrations = Files.createDirectories(dir.resolve("migrations"));
        cache = dir.resolve("cache");
    }

    private static String source(String message) {
        return """
                package m;
                @dev.retort.runtime.Revision(id = "aaa", message = "%s")
                public final class A implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { }
                    public void downgrade(dev.retort.runtime.Ops op) { }
                }
                """.formatted(message);
    }

    private String load(Path folder, Path cacheRoot) {
        return SourceMigrations.load(folder, cacheRoot).graph().node("aaa").message();
    }

    /** The one entry of a cache root (its folder named by the sources' hash). */
    private static Path entry(Path cacheRoot) throws IOException {
        List<Path> entries = children(cacheRoot).stream()
                .filter(p -> !p.getFileName().toString().startsWith("tmp-"))
                .toList();
        assertEquals(1, entries.size(), entries::toString);
        return entries.get(0);
    }

    private static List<Path> children(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        }
    }

    /** The class file of the same migration, compiled from other sources ("foreign"), in a cache of its own. */
    private Path foreignEntry() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("A.java"), source("foreign"));
        assertEquals("foreign", load(other, dir.resolve("other-cache")));
        return entry(dir.resolve("other-cache"));
    }

    @Test
    void corruptClassInTheCacheIsRecompiled() throws IOException {
        Files.writeString(migrations.resolve("A.java"), source("original"));
        assertEquals("original", load(migrations, cache));
        Path classFile = entry(cache).resolve("m.A.class");
        byte[] good = Files.readAllBytes(classFile);
        Files.write(classFile, "not a class file".getBytes(StandardCharsets.UTF_8));
        assertEquals("original", load(migrations, cache), "compiled again, not fatal");
        assertArrayEquals(good, Files.readAllBytes(entry(cache).resolve("m.A.class")), "the entry is written again");
        Files.write(entry(cache).resolve("m.A.class"), new byte[0]);
        assertEquals("original", load(migrations, cache));
    }

    @Test
    void foreignClassInTheCacheIsNeverLoaded() throws IOException {
        Files.writeString(migrations.resolve("A.java"), source("original"));
        assertEquals("original", load(migrations, cache));
        Files.copy(
                foreignEntry().resolve("m.A.class"),
                entry(cache).resolve("m.A.class"),
                StandardCopyOption.REPLACE_EXISTING);
        assertEquals("original", load(migrations, cache));
    }

    @Test
    void cachedClassesAreTiedToTheirSourcesHash() throws IOException {
        Files.writeString(migrations.resolve("A.java"), source("original"));
        assertEquals("original", load(migrations, cache));
        Path mine = entry(cache);
        Path foreign = foreignEntry();
        try (Stream<Path> files = Files.list(foreign)) {
            for (Path file : files.toList()) {
                Files.copy(file, mine.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertEquals(
                "original", load(migrations, cache), "a whole entry of other sources, index and all, is not taken");
    }

    @Test
    void temporaryFoldersAreRemovedAndStaleOnesCleaned() throws IOException {
        Files.createDirectories(cache);
        Path stale = Files.createDirectories(cache.resolve("tmp-12345"));
        Files.writeString(stale.resolve("m.A.class"), "left by a killed run");
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(stale.resolve("m.A.class"), hourAgo);
        Files.setLastModifiedTime(stale, hourAgo);
        Path fresh = Files.createDirectories(cache.resolve("tmp-67890"));

        Files.writeString(migrations.resolve("A.java"), source("original"));
        assertEquals("original", load(migrations, cache));
        assertFalse(Files.exists(stale), "a temporary folder older than some minutes is removed");
        assertTrue(Files.exists(fresh), "one that may belong to a running Retort is kept");

        Files.write(entry(cache).resolve("m.A.class"), new byte[] {1, 2, 3});
        assertEquals("original", load(migrations, cache));
        assertEquals(
                List.of(entry(cache), fresh), children(cache), "no temporary folder left by discarding and writing");
    }

    @Test
    void unusableCacheOnlyCostsACompilation() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Files.writeString(migrations.resolve("A.java"), source("original"));
        assertEquals(
                "original", load(migrations, file.resolve("cache")), "a cache under a regular file cannot be made");
        assertEquals("", Files.readString(file));
    }
}
