package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void cliRuns() {
        Cli.Result r = new Cli(dir).run("init");
        assertEquals(0, r.code(), r::toString);
    }
}
