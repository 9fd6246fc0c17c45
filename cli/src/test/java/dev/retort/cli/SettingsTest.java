package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.cli.config.ConfigException;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    private Settings load(Map<String, String> environment, Map<String, String> overrides) {
        return SettingsLoader.load(dir, null, environment, overrides);
    }

    @Test
    void environmentOverridesFileAndFlagsOverrideEnvironment() throws IOException {
        Files.writeString(
                dir.resolve("retort.properties"), "url = from-file\nuser = file-user\nschemas = app, audit\n");
        assertEquals("from-file", load(Map.of(), Map.of()).url());
        assertEquals(
                "from-env", load(Map.of("RETORT_URL", "from-env"), Map.of()).url());
        assertEquals(
                "from-flag",
                load(Map.of("RETORT_URL", "from-env"), Map.of("url", "from-flag"))
                        .url());
        assertEquals(List.of("app", "audit"), load(Map.of(), Map.of()).schemas());
        assertEquals("app", load(Map.of(), Map.of()).defaultSchema());
    }

    @Test
    void expandsEnvironmentReferences() throws IOException {
        Files.writeString(
                dir.resolve("retort.properties"),
                "url = jdbc:postgresql://${env:DB_HOST}:5432/app\npassword = ${env:DB_PW}\n");
        Settings settings = load(Map.of("DB_HOST", "db.internal", "DB_PW", "hunter2"), Map.of());
        assertEquals("jdbc:postgresql://db.internal:5432/app", settings.url());
        assertEquals("hunter2", settings.password().orElseThrow());
        assertFalse(settings.toString().contains("hunter2"));
        var e = assertThrows(ConfigException.class, () -> load(Map.of("DB_HOST", "x"), Map.of()));
        assertEquals(
                dir.resolve("retort.properties") + ": password: environment variable DB_PW is not set", e.getMessage());
        assertEquals(dir.resolve("retort.properties") + ": password", e.where());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFile() throws IOException {
        Path nested = dir.resolve("conf");
        Files.createDirectories(nested);
        Files.writeString(
                nested.resolve("r.properties"),
                "migrations.dir = ../db/migrations\nentities.packages = a\nentities.classpath = ../build\n");
        Files.createDirectories(dir.resolve("build"));
        Settings settings = SettingsLoader.load(dir, "conf/r.properties", Map.of(), Map.of());
        assertEquals(dir.resolve("db/migrations"), settings.migrationsDir());
        assertEquals(
                List.of(dir.resolve("build")),
                settings.entities(dir.resolve("cache")).classpath());
        assertEquals(dir.resolve("migrations"), load(Map.of(), Map.of()).migrationsDir(), "defaults to ./migrations");
    }

    @Test
    void unknownKeysAndBadPackagesAreErrors() throws IOException {
        Files.writeString(dir.resolve("retort.properties"), "urll = typo\n");
        var e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of()));
        assertEquals(
                dir.resolve("retort.properties") + ": unknown key 'urll' (known: " + String.join(", ", Settings.KEYS)
                        + ", and entities.properties.KEY for a Hibernate setting)",
                e.getMessage());
        assertEquals(dir.resolve("retort.properties") + ": urll", e.where());
        Files.writeString(dir.resolve("retort.properties"), "migrations.package = not a package\n");
        assertEquals(
                "migrations.package",
                assertThrows(
                                ConfigException.class,
                                () -> load(Map.of(), Map.of()).migrationsPackage())
                        .where());
    }

    @Test
    void environmentNames() {
        assertEquals("RETORT_MIGRATIONS_DIR", Settings.environmentName("migrations.dir"));
        assertEquals("RETORT_URL", Settings.environmentName("url"));
    }
}
