package dev.retort.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.retort.embedded.internal.BinariesJar;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the binaries jar comes from: a repository served over HTTP here, the pinned digest deciding. */
class BinariesJarTest {
    static final EmbeddedRelease RELEASE = EmbeddedRelease.defaultRelease();

    @TempDir
    Path temp;

    HttpServer http;
    final List<String> requested = new ArrayList<>();

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
    }

    private URI serve(byte[] jar) throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, jar.length);
            exchange.getResponseBody().write(jar);
            exchange.close();
        });
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/maven2/");
    }

    @Test
    void aDownloadedJarWithAnotherDigestIsRefusedAndNotKept() throws Exception {
        URI remote = serve("not the binaries".getBytes());
        Path cache = temp.resolve("cache");
        EmbeddedException e = assertThrows(
                EmbeddedException.class, () -> BinariesJar.locate(RELEASE, temp.resolve("m2"), remote, cache));
        String digest =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("not the binaries".getBytes()));
        assertEquals(
                "embedded PostgreSQL 15.19.0: the jar downloaded from " + remote.resolve(RELEASE.repositoryPath())
                        + " has SHA-256 " + digest + ", not the published " + RELEASE.sha256() + "; refused",
                e.getMessage());
        assertEquals(List.of("/maven2/" + RELEASE.repositoryPath()), requested);
        try (var left = Files.list(cache.resolve("downloads"))) {
            assertEquals(0, left.count(), "no partial or refused jar is kept");
        }
    }

    @Test
    void thePinnedJarIsDownloadedOnceIntoTheCacheWhenTheLocalRepositoryLacksIt() throws Exception {
        Path local = EmbeddedSettings.of(temp).mavenRepository().resolve(RELEASE.repositoryPath());
        assumeTrue(Files.isRegularFile(local), "the build puts the default release into the local repository");
        URI remote = serve(Files.readAllBytes(local));
        Path cache = temp.resolve("cache");
        Path jar = BinariesJar.locate(RELEASE, temp.resolve("empty-m2"), remote, cache);
        assertEquals(cache.resolve("downloads").resolve(RELEASE.jarName()), jar);
        assertEquals(jar, BinariesJar.locate(RELEASE, temp.resolve("empty-m2"), remote, cache));
        assertEquals(1, requested.size(), "the second time from the cache");
        assertEquals(
                local, BinariesJar.locate(RELEASE, EmbeddedSettings.of(temp).mavenRepository(), remote, cache));
        assertFalse(requested.size() > 1);
    }
}
