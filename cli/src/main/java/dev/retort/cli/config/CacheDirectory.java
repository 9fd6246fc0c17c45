package dev.retort.cli.config;

import java.nio.file.Path;
import java.util.Map;

/** Retort's cache directory: {@code $XDG_CACHE_HOME/retort} when that is an absolute path, else {@code ~/.cache/retort}. */
public final class CacheDirectory {
    private CacheDirectory() {}

    public static Path of(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        // the XDG base directory specification: a relative path is invalid and ignored
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("retort");
    }
}
