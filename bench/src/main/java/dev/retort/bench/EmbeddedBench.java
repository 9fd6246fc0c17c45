package dev.retort.bench;

import dev.retort.bench.ProcessTimer.Sample;
import dev.retort.bench.Report.Target;
import dev.retort.embedded.EmbeddedPostgres;
import dev.retort.embedded.EmbeddedSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The embedded server's start-up, in this JVM (from {@code EmbeddedPostgres.start} to a server that accepts
 * a connection): cold, from an empty cache (the binaries unpacked from the local Maven repository's jar and
 * {@code initdb} run), and warm (the template copied, {@code pg_ctl start}); the target is at most 3 s warm.
 */
final class EmbeddedBench {
    private final Bench.Setup setup;

    EmbeddedBench(Bench.Setup setup) {
        this.setup = setup;
    }

    void run(Report report) throws Exception {
        Path caches = Bench.emptyDirectory(setup.work().resolve("embedded"));
        // the server's user (nobody, under root) must reach the cold caches
        Files.setPosixFilePermissions(caches, PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedSettings warm = EmbeddedSettings.of(EmbeddedSettings.cacheDirectory(System.getenv()));
        Bench.progress("embedded server: start-up cold (empty cache) and warm, in turn");
        List<Double> cold = new ArrayList<>();
        List<Double> hot = new ArrayList<>();
        for (int i = 0; i <= setup.runs(); i++) {
            Path cache = Files.createDirectory(caches.resolve("cache-" + i));
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
            double coldSeconds = start(new EmbeddedSettings(
                    cache,
                    warm.release(),
                    warm.rootUser(),
                    warm.mavenRepository(),
                    warm.remoteRepository(),
                    warm.runParent()));
            double warmSeconds = start(warm);
            Bench.delete(cache);
            if (i == 0) continue;
            cold.add(coldSeconds);
            hot.add(warmSeconds);
        }
        List<Long> notMeasured = Collections.nCopies(cold.size(), 0L);
        report.add(new Report.Row(
                "embedded server start-up, cold: empty cache, binaries unpacked from the local Maven repository,"
                        + " initdb (in-process, RSS not measured)",
                new Sample(cold, notMeasured),
                null,
                null,
                Target.NONE));
        report.add(new Report.Row(
                "embedded server start-up, warm: template copied, pg_ctl start (in-process, RSS not measured)",
                new Sample(hot, notMeasured),
                null,
                null,
                Target.seconds(3)));
    }

    /** Seconds from the start to a connection the server accepted; the server is then stopped. */
    private static double start(EmbeddedSettings settings) throws Exception {
        long t0 = System.nanoTime();
        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings);
                Connection ignored = DriverManager.getConnection(server.url())) {
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
