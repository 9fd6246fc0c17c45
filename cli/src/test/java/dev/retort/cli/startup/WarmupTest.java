package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** The training run in this JVM; that the archive it leaves is used is {@code ArchiveIT}'s. */
class WarmupTest {
    /** The launcher drops the archive quietly when the training run fails, and runs slower: fail here instead. */
    @Test
    void theTrainingRunCompletes() {
        assertDoesNotThrow(() -> Warmup.main(new String[0]));
    }
}
