package dev.retort.embedded.internal;

import dev.retort.embedded.EmbeddedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A started server: its run directory, port and user; {@link #stop} stops it and deletes the directory. */
public final class Server {
    /** The longest Unix socket directory (the socket's path, {@code DIR/.s.PGSQL.PORT}, has at most 107 bytes). */
    private static final int SOCKET_DIRECTORY_LIMIT = 90;

    private static final int ATTEMPTS = 3;

    private final RunDirectory run;
    private final Path pgCtl;
    private final ServerUser user;
    private final int port;
    private boolean stopped;

    private Server(RunDirectory run, Path pgCtl, ServerUser user, int port) {
        this.run = run;
        this.pgCtl = pgCtl;
        this.user = user;
        this.port = port;
    }

    /** Copies the template into a new run directory and starts the server there on a free loopback port. */
    public static Server start(Path installation, Path template, Path runParent, ServerUser user) {
        Path pgCtl = installation.resolve("bin").resolve("pg_ctl");
        RunDirectory run;
        try {
            run = RunDirectory.create(runParent, template, pgCtl, user);
        } catch (IOException e) {
            throw new EmbeddedException(
                    "embedded PostgreSQL: cannot create its directory in " + runParent + ": " + e.getMessage(), e);
        }
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                configure(run, port);
                ServerProcess.run(
                        user,
                        List.of(
                                pgCtl.toString(),
                                "-D",
                                run.data().toString(),
                                "-l",
                                run.log().toString(),
                                "-w",
                                "-t",
                                "60",
                                "-s",
                                "start"),
                        run.log(),
                        90,
                        "pg_ctl start");
                return new Server(run, pgCtl, user, port);
            } catch (RuntimeException | IOException e) {
                // the port taken between choosing it and binding it: another one
                boolean portTaken = ServerProcess.lastLine(run.log()).contains("could not")
                        || ServerProcess.lastLine(run.log()).contains("already in use");
                if (attempt < ATTEMPTS && portTaken) continue;
                Leftovers.stop(run, user);
                Tree.deleteQuietly(run.path());
                if (e instanceof EmbeddedException embedded) throw embedded;
                throw new EmbeddedException("embedded PostgreSQL: cannot start: " + e.getMessage(), e);
            }
        }
    }

    /** The run's port and socket directory, after the template's settings (the last setting wins). */
    private static void configure(RunDirectory run, int port) throws IOException {
        String directory = run.path().toString();
        String sockets = directory.length() <= SOCKET_DIRECTORY_LIMIT ? directory.replace("'", "''") : "";
        Files.write(
                run.data().resolve("postgresql.conf"),
                ("port = " + port + "\nunix_socket_directories = '" + sockets + "'\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedException("embedded PostgreSQL: no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public ServerUser user() {
        return user;
    }

    public RunDirectory run() {
        return run;
    }

    /** Stops the server ({@code pg_ctl stop -m immediate}) and deletes its run directory; once. */
    public synchronized void stop() {
        if (stopped) return;
        stopped = true;
        // swept already, by a run that took this one's owner for dead
        if (!Files.isDirectory(run.data())) return;
        try {
            ServerProcess.run(
                    user,
                    List.of(pgCtl.toString(), "-D", run.data().toString(), "-m", "immediate", "-w", "-s", "stop"),
                    run.log(),
                    30,
                    "pg_ctl stop");
        } finally {
            Tree.deleteQuietly(run.path());
        }
    }
}
