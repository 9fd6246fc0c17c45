package dev.retort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileExceptionTest {
    @Test
    void keepsWhatItWasDoingThePathAndTheReason() {
        Path path = Path.of("migrations", "R1.java");
        var e = new FileException("cannot write", path, new AccessDeniedException(path.toString()));
        assertEquals("cannot write " + path + ": permission denied", e.getMessage());
        assertEquals("cannot write", e.doing());
        assertEquals(path, e.path());
        assertEquals("permission denied", e.reason());
    }
}
