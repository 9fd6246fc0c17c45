package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How {@code retort.jar upgrade head} behaves in deployment: many replicas at once, and a runner killed mid-migration. */
class DeploymentIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void project() throws IOException, SQLException {
        db.reset();
        Files.writeString(
                workDir.resolve("retort.properties"), "url = " + db.url() + "\nmigrations.dir = migrations\n");
        Files.createDirectories(workDir.resolve("migrations"));
    }

    /** Migration N creates table tN and records itself in it; {@code extra} adds upgrade statements. */
    private void migration(int n, String extra) throws IOException {
        String parent = n == 1 ? "" : ", revises = \"" + String.format("%012d", n - 1) + "\"";
        Files.writeString(
                workDir.resolve("migrations/M" + n + ".java"), """
                package deploy;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%012d"%s, message = "step %d")
                public final class M%d implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.createTable("t%d", column("n", "integer").notNull());
                        op.execute("INSERT INTO t%d (n) VALUES (%d)");
                        %s
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropTable("t%d", column("n", "integer").notNull());
                    }
                }
                """.formatted(n, parent, n, n, n, n, n, extra, n));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("retort.jar", "target/retort.jar"))
                        .toAbsolutePath()
                        .toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
        builder.redirectOutput(
                workDir.resolve("out-" + System.nanoTime() + ".log").toFile());
        builder.redirectError(
                workDir.resolve("err-" + System.nanoTime() + ".log").toFile());
        return builder.start();
    }

    @Test
    void eightReplicasApplyTwentyMigrationsExactlyOnce() throws Exception {
        for (int n = 1; n <= 20; n++) migration(n, "op.execute(\"SELECT pg_sleep(0.05)\");");
        List<Process> replicas = new ArrayList<>();
        for (int i = 0; i < 8; i++) replicas.add(start("upgrade", "head"));
        for (Process replica : replicas) {
            assertTrue(replica.waitFor(300, TimeUnit.SECONDS), "replica finishes");
            assertEquals(ExitCode.OK, replica.exitValue(), () -> logs());
        }
        assertEquals(
                List.of("20 20"),
                db.query("SELECT count(*), count(DISTINCT revision) FROM retort_version_history "
                        + "WHERE direction = 'upgrade'"),
                "every migration applied exactly once");
        assertEquals(List.of("000000000020"), db.query("SELECT version_num FROM retort_version"));
        for (int n = 1; n <= 20; n++)
            assertEquals(List.of(String.valueOf(n)), db.query("SELECT n FROM t" + n), "table t" + n);
    }

    @Test
    void runnerKilledMidMigrationLeavesThePreviousRevisionAndNoLock() throws Exception {
        migration(1, "");
        migration(2, "op.execute(\"SELECT pg_sleep(120)\");");
        Process runner = start("upgrade", "head");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.query("SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(120)' AND state = 'active'")
                .isEmpty()) {
            assertTrue(runner.isAlive(), () -> "runner ended before its long migration: " + logs());
            assertTrue(System.nanoTime() < deadline, "the long migration starts");
            Thread.sleep(100); // polling the server for the runner's progress; nothing to wait on instead
        }
        runner.destroyForcibly();
        assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!db.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'").isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the killed runner's lock is released within 15 s");
            Thread.sleep(100); // the server notices the vanished client within client_connection_check_interval
        }
        assertEquals(List.of("000000000001"), db.query("SELECT version_num FROM retort_version"));
        assertEquals(
                List.of(), db.query("SELECT 1 FROM pg_tables WHERE tablename = 't2'"), "migration 2 was rolled back");

        migration(2, "");
        Process next = start("upgrade", "head");
        assertTrue(next.waitFor(120, TimeUnit.SECONDS));
        assertEquals(ExitCode.OK, next.exitValue(), () -> logs());
        assertEquals(List.of("000000000002"), db.query("SELECT version_num FROM retort_version"));
    }

    private String logs() {
        StringBuilder text = new StringBuilder();
        File[] files = workDir.toFile().listFiles((dir, name) -> name.endsWith(".log"));
        if (files == null) return "";
        for (File file : files) {
            try {
                text.append("--- ").append(file.getName()).append('\n').append(Files.readString(file.toPath()));
            } catch (IOException e) {
                text.append(e);
            }
        }
        return text.toString();
    }
}
