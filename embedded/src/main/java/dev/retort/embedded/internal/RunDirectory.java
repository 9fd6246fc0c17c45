package dev.retort.embedded.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A server's private directory ({@code retort-embedded-*} in the temporary directory, mode 0700, owned by the
 * server's user): its data directory, its log, its Unix socket, and the {@code owner} file naming the process
 * that started it, so that a later run can tell a server whose owner was killed and remove it.
 */
public record RunDirectory(Path path) {
    public static final String PREFIX = "retort-embedded-";
    static final String OWNER = "owner";

    public Path data() {
        return path.resolve("data");
    }

    public Path log() {
        return path.resolve("server.log");
    }

    /** A new run directory holding a copy of the template, owned by the server's user. */
    static RunDirectory create(Path parent, Path template, Path pgCtl, ServerUser user) throws IOException {
        Files.createDirectories(parent);
        RunDirectory run = new RunDirectory(Files.createTempDirectory(
                parent, PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        Properties owner = new Properties();
        ProcessHandle self = ProcessHandle.current();
        owner.setProperty("pid", Long.toString(self.pid()));
        self.info().startInstant().ifPresent(at -> owner.setProperty("started", at.toString()));
        owner.setProperty("pg_ctl", pgCtl.toString());
        owner.setProperty("user", user.name());
        try (OutputStream out = Files.newOutputStream(run.path.resolve(OWNER))) {
            owner.store(out, "the process that started this embedded PostgreSQL server");
        }
        Tree.copy(template, run.data());
        Files.setPosixFilePermissions(run.data(), PosixFilePermissions.fromString("rwx------"));
        Files.createFile(run.log());
        user.own(run.path);
        return run;
    }

    /** The run directories under {@code parent} whose starting process is gone (the others are left alone). */
    static List<RunDirectory> orphans(Path parent) {
        if (!Files.isDirectory(parent)) return List.of();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            List<RunDirectory> orphans = new ArrayList<>();
            for (Path entry : entries) {
                Optional<Properties> owner = owner(entry);
                if (owner.isPresent() && !alive(owner.get())) orphans.add(new RunDirectory(entry));
            }
            return orphans;
        } catch (IOException e) {
            return List.of();
        }
    }

    Optional<Properties> owner() {
        return owner(path);
    }

    private static Optional<Properties> owner(Path directory) {
        Path file = directory.resolve(OWNER);
        if (!Files.isReadable(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            Properties owner = new Properties();
            owner.load(in);
            return owner.getProperty("pid") == null ? Optional.empty() : Optional.of(owner);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the owner's process runs: its pid is there and, when recorded, started at the same instant. */
    private static boolean alive(Properties owner) {
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(owner.getProperty("pid")));
        } catch (NumberFormatException e) {
            return false;
        }
        if (process.isEmpty() || !process.get().isAlive()) return false;
        String started = owner.getProperty("started");
        Optional<Instant> now = process.get().info().startInstant();
        return started == null || now.isEmpty() || now.get().toString().equals(started);
    }

    /** The postmaster's pid from the data directory's {@code postmaster.pid}, while it has one. */
    Optional<Long> postmaster() {
        try {
            List<String> lines = Files.readAllLines(data().resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
