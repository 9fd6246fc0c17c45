package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Revision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A password in any form of URL, or given beside it, never reaches the one-line error, the
 * {@code --stacktrace} output or the runtime API's exceptions, however malformed the URL.
 */
class PasswordRedactionTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String PASSWORD = "Sekr3tPa55word";
    /** The same password with its first letter percent-encoded, as a URL may carry it. */
    private static final String ENCODED = "%53ekr3tPa55word";

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void project() {
        cli = new Cli(dir);
        cli.configure(db, "dev.retort.fixtures.shop.v1", "snake");
    }

    /** URLs that carry the password, each wrong in its own way so that connecting fails. */
    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("jdbc:postgres://127.0.0.1/app?password=" + PASSWORD),
                Arguments.of("jdbc:postgresql://127.0.0.1:notaport/app?password=" + PASSWORD),
                Arguments.of("jdbc:postgresql://app_user:" + PASSWORD + "@127.0.0.1/app"),
                Arguments.of("jdbc:postgresql://127.0.0.1:1/app?user=app_user&password=" + PASSWORD),
                Arguments.of("jdbc:postgresql://no-such-host.invalid/app?password=" + PASSWORD + "&ssl=false"),
                Arguments.of("jdbc:postgresql://127.0.0.1:1/app?password=" + ENCODED),
                Arguments.of("jdbc:postgresql://127.0.0.1:99999/app?PASSWORD=" + PASSWORD),
                Arguments.of("jdbc:postgresql://app_user:" + ENCODED + "@127.0.0.1:notaport/app"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void passwordInTheUrlNeverAppears(String url) {
        assertOneCleanLine(cli.run("--url", url, "current"));
        assertClean(cli.run("--stacktrace", "--url", url, "current"));
        assertOneCleanLine(cli.run("-x", "url=" + url, "upgrade", "head"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void passwordInTheUrlOfTheEnvironmentOrConfigurationNeverAppears(String url) {
        cli.environment.put("RETORT_URL", url);
        assertOneCleanLine(cli.run("current"));
        assertClean(cli.run("--stacktrace", "current"));
        cli.environment.remove("RETORT_URL");
        cli.write("retort.properties", "url = " + url + "\nmigrations.dir = migrations\n");
        assertOneCleanLine(cli.run("current"));
        assertClean(cli.run("--stacktrace", "current"));
    }

    @Test
    void passwordFlagOrEnvironmentWithAWrongHostNeverAppears() {
        for (String url : List.of(
                "jdbc:postgresql://127.0.0.1:1/app",
                "jdbc:postgresql://no-such-host.invalid/app",
                "jdbc:postgresql://127.0.0.1:notaport/app",
                "jdbc:postgres://127.0.0.1/app")) {
            assertOneCleanLine(cli.run("--url", url, "--password", PASSWORD, "current"));
            assertClean(cli.run("--stacktrace", "--url", url, "--password", PASSWORD, "current"));
            cli.environment.put("RETORT_PASSWORD", PASSWORD);
            assertOneCleanLine(cli.run("--url", url, "current"));
            assertClean(cli.run("--stacktrace", "--url", url, "current"));
            cli.environment.remove("RETORT_PASSWORD");
        }
    }

    @Test
    void wrongPasswordForTheRightServerIsNotEchoed() {
        String url = db.url().replaceAll("([?&])user=[^&]*", "$1user=retort_no_such_user");
        assertOneCleanLine(cli.run("--url", url, "--password", PASSWORD, "current"));
        assertClean(cli.run("--stacktrace", "--url", url + "&password=" + PASSWORD, "current"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void diffNeverShowsThePasswordOfEitherUrl(String url) {
        assertOneCleanLine(cli.run("diff", "--from", db.url(), "--to", url));
        assertOneCleanLine(cli.run("diff", "--from", url, "--to", db.url()));
        assertClean(cli.run("--stacktrace", "diff", "--from", db.url(), "--to", url));
        assertClean(cli.run("--stacktrace", "--password", PASSWORD, "diff", "--from", url, "--to", url));
    }

    @Revision(id = "a00000000001", message = "nothing")
    public static final class Nothing implements Migration {
        @Override
        public void upgrade(Ops op) {}

        @Override
        public void downgrade(Ops op) {}
    }

    @ParameterizedTest
    @MethodSource("urls")
    void runtimeApiExceptionsNeverShowThePassword(String url) {
        Retort retort = Retort.configure()
                .url(url, null, null)
                .migrations(Nothing.class)
                .load();
        assertCleanException(assertThrows(RuntimeException.class, () -> retort.upgrade("head")));
        assertCleanException(assertThrows(RuntimeException.class, retort::current));
    }

    @Test
    void runtimeApiExceptionsNeverShowAGivenPassword() {
        for (String url : List.of(
                "jdbc:postgresql://127.0.0.1:1/app",
                "jdbc:postgresql://no-such-host.invalid/app",
                "jdbc:postgresql://127.0.0.1:notaport/app",
                "jdbc:postgres://127.0.0.1/app",
                db.url().replaceAll("([?&])user=[^&]*", "$1user=retort_no_such_user"))) {
            Retort retort = Retort.configure()
                    .url(url, "app_user", PASSWORD)
                    .migrations(Nothing.class)
                    .load();
            assertCleanException(assertThrows(RuntimeException.class, retort::pending));
        }
    }

    private static void assertOneCleanLine(Cli.Result result) {
        assertClean(result);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("error: "), result::toString);
    }

    private static void assertClean(Cli.Result result) {
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertNoSecret(result.out() + result.err());
    }

    /** The whole cause chain's messages and the printed stack trace. */
    private static void assertCleanException(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
            messages.add(t.toString());
            for (Throwable suppressed : t.getSuppressed()) messages.add(suppressed.toString());
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace, true));
        assertNoSecret(String.join("\n", messages) + "\n" + trace);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(PASSWORD), () -> "password shown:\n" + text);
        assertFalse(text.contains(ENCODED), () -> "encoded password shown:\n" + text);
        assertFalse(text.contains("ekr3tPa55"), () -> "part of the password shown:\n" + text);
    }
}
