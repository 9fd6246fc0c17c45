package dev.retort.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.diff.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteNewTest {
    private static final RevisionHeader HEADER =
            RevisionHeader.of("3f2a9c1b7d4e", List.of(), "add avatar", LocalDateTime.of(2026, 1, 2, 3, 4, 5));

    @Test
    void writesTheClassIntoAFolderItCreates(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("src/main/java/com/example/migrations");
        Path written = MigrationWriter.writeNew(folder, "com.example.migrations", HEADER, Plan.EMPTY);
        assertEquals(folder.resolve(MigrationWriter.className(HEADER) + ".java"), written);
        assertEquals(
                MigrationWriter.write("com.example.migrations", HEADER, Plan.EMPTY)
                        .toString(),
                Files.readString(written, StandardCharsets.UTF_8));
    }

    @Test
    void neverOverwrites(@TempDir Path dir) throws Exception {
        Path written = MigrationWriter.writeNew(dir, "m", HEADER, Plan.EMPTY);
        Files.writeString(written, "kept");
        RetortException e =
                assertThrows(RetortException.class, () -> MigrationWriter.writeNew(dir, "m", HEADER, Plan.EMPTY));
        assertTrue(e.getMessage().endsWith("already exists"), e.getMessage());
        assertEquals("kept", Files.readString(written));
    }
}
