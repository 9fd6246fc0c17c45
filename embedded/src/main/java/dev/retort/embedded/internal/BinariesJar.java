package dev.retort.embedded.internal;

import dev.retort.embedded.EmbeddedException;
import dev.retort.embedded.EmbeddedRelease;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MessageDigestAlgorithms;

/**
 * zonky's binaries jar of a release: from the local Maven repository when it holds it, else from Retort's
 * download cache, else downloaded there from the remote repository; each accepted only when its SHA-256 is
 * the one the release pins.
 */
public final class BinariesJar {
    private BinariesJar() {}

    public static Path locate(EmbeddedRelease release, Path mavenRepository, URI remote, Path cache) {
        Path local = mavenRepository.resolve(release.repositoryPath());
        if (Files.isRegularFile(local) && matches(local, release)) return local;
        Path cached = cache.resolve("downloads").resolve(release.jarName());
        if (Files.isRegularFile(cached) && matches(cached, release)) return cached;
        return download(release, remote.resolve(release.repositoryPath()), cached);
    }

    private static Path download(EmbeddedRelease release, URI uri, Path target) {
        Path part = null;
        try {
            Files.createDirectories(target.getParent());
            part = Files.createTempFile(target.getParent(), ".download-", ".part");
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpResponse<Path> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200)
                throw new EmbeddedException("embedded PostgreSQL " + release.version() + ": " + uri + " answered HTTP "
                        + response.statusCode() + "; put " + release.jarName() + " into the local Maven repository"
                        + " or set dev.url to a server");
            String digest = sha256(part);
            if (!digest.equals(release.sha256()))
                throw new EmbeddedException("embedded PostgreSQL " + release.version() + ": the jar downloaded from "
                        + uri + " has SHA-256 " + digest + ", not the published " + release.sha256() + "; refused");
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new EmbeddedException(
                    "embedded PostgreSQL " + release.version() + ": cannot download " + uri + " ("
                            + e.getMessage() + "); put " + release.jarName() + " into the local Maven repository or set"
                            + " dev.url to a server",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedException("embedded PostgreSQL: interrupted while downloading " + uri, e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a partial download left in the download cache is overwritten by the next one
                }
            }
        }
    }

    static boolean matches(Path jar, EmbeddedRelease release) {
        try {
            return sha256(jar).equals(release.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    static String sha256(Path file) throws IOException {
        return new DigestUtils(MessageDigestAlgorithms.SHA_256).digestAsHex(file);
    }
}
