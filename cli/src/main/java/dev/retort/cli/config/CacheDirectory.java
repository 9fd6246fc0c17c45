package dev.retort.cli.config;

import dev.retort.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.util.Map;

/** Retort's cache directory: {@code $XDG_CACHE_HOME/retort} when that is an absolute path, else {@code ~/.cache/retort}. */
public final class CacheDirectory {
    private CacheDirectory() {}

    public static Path of(Map<String, String> environment) {
        return EmbeddedSettings.cacheDirectory(environment);
    }
}
