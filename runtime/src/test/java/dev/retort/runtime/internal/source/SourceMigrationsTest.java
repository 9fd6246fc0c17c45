package dev.retort.runtime.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.CompileException;
import dev.retort.runtime.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceMigrationsTest {
    @TempDir
    Path dir;

    private static String migration(String className, String id, String message) {
        return """
                package m;
                @dev.retort.runtime.Revision(id = "%s", message = "%s")
                public final class %s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { }
                    public void downgrade(dev.retort.runtime.Ops op) { }
                }
                """.formatted(id, message, className);
    }

    @Test
    void missingOrEmptyFolderHasNoMigrations() throws IOException {
        assertTrue(SourceMigrations.load(dir.resolve("absent"), null).graph().isEmpty());
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(SourceMigrations.load(dir.resolve("empty"), null).graph().isEmpty());
    }

    @Test
    void compiledClassesAreCachedByContentHash() throws IOException {
        Path migrations = dir.resolve("migrations");
        Path cache = dir.resolve("cache");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("A.java"), migration("A", "aaa", "original"));
        assertEquals(
                "original",
                SourceMigrations.load(migrations, cache).graph().node("aaa").message());
        List<Path> entries = list(cache);
        assertEquals(1, entries.size());

        // Put different bytes under the same key, their digest in the index: a second load must use them rather than
        // compile again.
        Path scratch = dir.resolve("scratch");
        Files.createDirectories(scratch);
        Files.writeString(scratch.resolve("A.java"), migration("A", "aaa", "from the cache"));
        SourceMigrations.load(scratch, dir.resolve("other-cache"));
        byte[] replaced =
                Files.readAllBytes(list(dir.resolve("other-cache")).get(0).resolve("m.A.class"));
        Files.write(entries.get(0).resolve("m.A.class"), replaced);
        Path index = entries.get(0).resolve("index.properties");
        Files.writeString(
                index,
                Files.readString(index)
                        .replaceAll("(?m)^/sha256/m\\.A=.*$", "/sha256/m.A=" + CompileCache.sha256(replaced)));
        assertEquals(
                "from the cache",
                SourceMigrations.load(migrations, cache).graph().node("aaa").message());

        Files.writeString(migrations.resolve("A.java"), migration("A", "aaa", "edited"));
        assertEquals(
                "edited",
                SourceMigrations.load(migrations, cache).graph().node("aaa").message(),
                "an edit changes the hash");
        assertEquals(2, list(cache).size());
    }

    @Test
    void sourceOfEachRevisionIsItsFile() throws IOException {
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("A.java"), migration("A", "aaa", "one"));
        Files.writeString(migrations.resolve("B.java"), migration("B", "aaa", "two"));
        var e = assertThrows(RuntimeException.class, () -> SourceMigrations.load(migrations, null));
        assertEquals("duplicate revision id aaa: declared by migrations/A.java and migrations/B.java", e.getMessage());
    }

    @Test
    void compileErrorsNameFileAndLine() throws IOException {
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("A.java"), "package m;\n\nclass A { int x = \"text\"; }\n");
        Files.writeString(migrations.resolve("B.java"), "package m;\nclass B { void y() { z(); } }\n");
        MigrationException e =
                assertThrows(MigrationException.class, () -> SourceMigrations.load(migrations, dir.resolve("c")));
        assertEquals(
                migrations.resolve("A.java")
                        + ":3: error: incompatible types: java.lang.String cannot be converted to int "
                        + "(and 1 more error(s))",
                e.getMessage());
        CompileException compile = assertInstanceOf(CompileException.class, e);
        assertEquals(
                List.of(migrations.resolve("A.java").toString(), "3", "2"),
                List.of(compile.file(), Long.toString(compile.line()), Integer.toString(compile.errors())));
        assertTrue(
                Files.notExists(dir.resolve("c")) || list(dir.resolve("c")).isEmpty(),
                "failed compilations are not cached");
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
