package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.schema.IdentityOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A message in other scripts survives a JVM whose locale or default charset is not UTF-8: files and output are UTF-8. */
class LocaleEncodingTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String MESSAGE = "Prüfung 日本";

    @TempDir
    Path workDir;

    @BeforeEach
    void project() throws SQLException {
        db.reset();
        new Cli(workDir).configure(db, Shop.V1, "snake");
    }

    /** What the command printed, read as UTF-8 bytes, and its exit code. */
    private record Run(int code, String out, String err) {}

    /** Runs the real command line in a child JVM with the given locale variables and JVM options. */
    private Run retort(Map<String, String> locale, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.retort.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("RETORT_"));
        builder.environment().putAll(locale);
        builder.environment().put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
        Path out = workDir.resolve(".out");
        Path err = workDir.resolve(".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = process.waitFor();
        return new Run(
                code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private void messageIsKept(Map<String, String> locale, List<String> jvmOptions) throws Exception {
        Run revision = retort(locale, jvmOptions, "revision", "-m", MESSAGE, "--rev-id", "000000000001");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        try (Stream<Path> files = Files.list(workDir.resolve("migrations"))) {
            Path generated = files.filter(p -> p.toString().endsWith(".java"))
                    .findFirst()
                    .orElseThrow();
            String source = Files.readString(generated, StandardCharsets.UTF_8);
            assertTrue(source.contains("message = \"" + MESSAGE + "\""), source);
        }
        Run upgrade = retort(locale, jvmOptions, "upgrade", "head");
        assertEquals(ExitCode.OK, upgrade.code(), upgrade::toString);
        assertEquals(List.of(MESSAGE), db.query("SELECT message FROM retort_version_history"));
        Run history = retort(locale, jvmOptions, "history");
        assertEquals(new Run(ExitCode.OK, "<base> -> 000000000001 (head), " + MESSAGE + "\n", ""), history);
    }

    @Test
    void messageIsKeptWithALatin1DefaultCharset() throws Exception {
        messageIsKept(Map.of("LC_ALL", "C.UTF-8"), List.of("-Dfile.encoding=ISO-8859-1"));
    }

    @Test
    void messageIsKeptInTheCLocale() throws Exception {
        messageIsKept(Map.of("LC_ALL", "C", "LANG", "C"), List.of());
    }

    @Test
    void sqlWordsAreLowerCasedTheSameInATurkishLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals(
                    "start 5 increment 2 minvalue 1",
                    IdentityOptions.DEFAULT.start(5).increment(2).minValue(1).toString());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void configurationThatIsNotUtf8IsNamed() throws IOException {
        Path config = workDir.resolve("retort.properties");
        Files.write(config, "schemas = sch\u00e9ma\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result result = new Cli(workDir).run("heads");
        assertEquals(
                new Cli.Result(ExitCode.ERROR, "", "error: " + config + ": cannot be read: not UTF-8 text\n"), result);
    }

    @Test
    void environmentIsKeptInTheCLocale() throws Exception {
        Map<String, String> locale = Map.of("LC_ALL", "C", "LANG", "C", "RETORT_VERSION_TABLE", "versiön");
        Run revision = retort(locale, List.of(), "revision", "-m", "x", "--rev-id", "000000000001");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Run upgrade = retort(locale, List.of(), "upgrade", "head");
        assertEquals(ExitCode.OK, upgrade.code(), upgrade::toString);
        assertEquals(List.of("000000000001"), db.query("SELECT version_num FROM \"versiön\""));
    }
}
