package dev.retort.embedded;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded server comes from and where it runs: Retort's cache directory (the unpacked binaries and
 * the initialised template), the release, the user to run it as when Retort runs as root, the local Maven
 * repository looked in first and the remote one downloaded from, and the directory of the servers' run
 * directories.
 */
public record EmbeddedSettings(
        Path cacheDirectory,
        EmbeddedRelease release,
        String rootUser,
        Path mavenRepository,
        URI remoteRepository,
        Path runParent) {
    public static final String DEFAULT_ROOT_USER = "nobody";
    public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");

    public EmbeddedSettings {
        requireNonNull(cacheDirectory, "cacheDirectory");
        requireNonNull(release, "release");
        requireNonNull(rootUser, "rootUser");
        requireNonNull(mavenRepository, "mavenRepository");
        requireNonNull(remoteRepository, "remoteRepository");
        requireNonNull(runParent, "runParent");
    }

    /**
     * The defaults: the default release, {@code nobody}, {@code ~/.m2/repository} (or the {@code maven.repo.local}
     * system property), Maven Central, and the JVM's temporary directory.
     */
    public static EmbeddedSettings of(Path cacheDirectory) {
        String local = System.getProperty("maven.repo.local");
        Path repository = local != null && !local.isBlank()
                ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new EmbeddedSettings(
                cacheDirectory,
                EmbeddedRelease.defaultRelease(),
                DEFAULT_ROOT_USER,
                repository,
                MAVEN_CENTRAL,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Retort's cache directory: {@code $XDG_CACHE_HOME/retort} when that is an absolute path, else {@code ~/.cache/retort}. */
    public static Path cacheDirectory(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        // the XDG base directory specification: a relative path is invalid and ignored
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("retort");
    }

    public EmbeddedSettings withRelease(EmbeddedRelease release) {
        return new EmbeddedSettings(cacheDirectory, release, rootUser, mavenRepository, remoteRepository, runParent);
    }

    public EmbeddedSettings withRootUser(String rootUser) {
        return new EmbeddedSettings(cacheDirectory, release, rootUser, mavenRepository, remoteRepository, runParent);
    }

    public EmbeddedSettings withRemoteRepository(URI remoteRepository) {
        return new EmbeddedSettings(cacheDirectory, release, rootUser, mavenRepository, remoteRepository, runParent);
    }

    public EmbeddedSettings withMavenRepository(Path mavenRepository) {
        return new EmbeddedSettings(cacheDirectory, release, rootUser, mavenRepository, remoteRepository, runParent);
    }

    public EmbeddedSettings withRunParent(Path runParent) {
        return new EmbeddedSettings(cacheDirectory, release, rootUser, mavenRepository, remoteRepository, runParent);
    }
}
