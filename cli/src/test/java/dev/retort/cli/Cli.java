package dev.retort.cli;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the real command line in-process in a working directory, capturing output and exit code. */
public final class Cli {
    /** What one command did. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** What {@code check} prints, and its exit code, when the entities and the database agree. */
    public static final Result CLEAN_CHECK = new Result(ExitCode.OK, "No new upgrade operations detected.\n", "");

    public final Path workDir;
    public final Map<String, String> environment = new HashMap<>();

    public Cli(Path workDir) {
        this.workDir = workDir;
        environment.put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
    }

    /** {@link #run}, which must exit 0: the result, or an assertion error showing it. */
    public Result ok(String... args) {
        Result result = run(args);
        if (result.code() != ExitCode.OK) throw new AssertionError("retort " + String.join(" ", args) + ": " + result);
        return result;
    }

    /** The source of the migration the project's {@code migrations} folder holds for the revision id. */
    public String migration(String revisionId) {
        try (Stream<Path> files = Files.list(workDir.resolve("migrations"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith("R" + revisionId + "_"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no migration " + revisionId + " in " + workDir));
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(workDir, environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a retort.properties for the test database and the given entity package of the shop. */
    public void configure(TestDatabase db, String entityPackage, String naming) {
        configure(db.url(), entityPackage, naming);
    }

    /** A {@code retort.properties} for the database at {@code url} (PostgreSQL or MariaDB) and the fixtures' entities. */
    public void configure(String url, String entityPackage, String naming) {
        write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + url,
                        "migrations.dir = migrations",
                        "migrations.package = com.example.migrations",
                        "entities.packages = " + entityPackage,
                        "entities.classpath = " + fixturesClasses(),
                        "entities.naming = " + naming,
                        ""));
    }

    public void write(String relative, String content) {
        try {
            Path file = workDir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(workDir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixturesClasses() {
        try {
            return Path.of(Shop.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
