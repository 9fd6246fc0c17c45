package dev.retort.embedded.internal;

import dev.retort.embedded.EmbeddedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An initialised data directory kept in the cache ({@code postgres-VERSION-data-USER/data}), copied for each
 * server so that a warm start is a copy and {@code pg_ctl start}: {@code initdb} once, as the server's user,
 * into a temporary directory renamed into place; its settings are a throw-away server's.
 */
public final class Template {
    /** Settings for a scratch server: loopback only, nothing synced, no background work. */
    static final List<String> SETTINGS = List.of(
            "listen_addresses = '127.0.0.1'",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "autovacuum = off",
            "max_wal_senders = 0",
            "wal_level = minimal",
            "logging_collector = off");

    private Template() {}

    /** The template's data directory, made when it is not there yet. */
    public static Path ensure(Path installation, Path base, String version, ServerUser user) {
        Path target = base.resolve("postgres-" + version + "-data-" + user.name());
        Path data = target.resolve("data");
        if (Files.isRegularFile(data.resolve("PG_VERSION"))) return data;
        Path temporary = null;
        try {
            temporary = Files.createTempDirectory(base, ".initdb-" + version + "-");
            user.own(temporary);
            Path log = temporary.resolve("initdb.log");
            Files.createFile(log);
            user.own(log);
            ServerProcess.run(
                    user,
                    List.of(
                            installation.resolve("bin").resolve("initdb").toString(),
                            "-D",
                            temporary.resolve("data").toString(),
                            "-U",
                            "postgres",
                            "--auth=trust",
                            "--encoding=UTF8",
                            "--locale=C",
                            "--no-sync"),
                    log,
                    120,
                    "initdb");
            Files.write(
                    temporary.resolve("data").resolve("postgresql.conf"),
                    ("\n# Retort's embedded server: a scratch server\n" + String.join("\n", SETTINGS) + "\n")
                            .getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.APPEND);
            Files.delete(log);
            // the template is Retort's own; each copy of it is given to the server's user
            user.disown(temporary);
            Tree.renameInto(temporary, target);
            return data;
        } catch (IOException e) {
            throw new EmbeddedException(
                    "embedded PostgreSQL " + version + ": cannot initialise a data directory in " + base + ": "
                            + e.getMessage(),
                    e);
        } finally {
            Tree.deleteQuietly(temporary);
        }
    }
}
