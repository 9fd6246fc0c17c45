package dev.retort.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Main;
import dev.retort.cli.startup.StartupSwitch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's error becomes the build's failure message, all its lines; the rest of stderr goes to the log. */
class ErrorLinesTest {
    private static final List<String> HALFWAY = List.of(
            "error: revision c3 (upgrade): statement 2 of 3 failed: SELECT SLEEP(2): interrupted; on MariaDB every"
                    + " statement commits: statements 1-1 of this migration ran and stay applied, the version table"
                    + " stays at b2:",
            "  ran 1. ALTER TABLE `customers` ADD COLUMN `email` varchar(320) NULL",
            "fix the cause and run 'retort upgrade c3' again to resume at statement 2, or 'retort downgrade b2' to"
                    + " undo statements 1-1");

    private static final String HALFWAY_FAILURE =
            "retort: " + String.join("\n", HALFWAY).substring("error: ".length());

    private final List<String> logged = new ArrayList<>();
    private final ErrorLines lines = new ErrorLines(logged::add);

    @Test
    void aMigrationsErrorKeepsTheStatementsThatRanAndWhatToRunNext() {
        lines.accept("a warning before it");
        HALFWAY.forEach(lines);
        assertEquals(HALFWAY_FAILURE, lines.failure(2));
        assertEquals(List.of("a warning before it"), logged);
    }

    @Test
    void theStackTraceAfterTheErrorGoesToTheLog() {
        HALFWAY.forEach(lines);
        List<String> trace = List.of(
                "dev.retort.runtime.StatementException: revision c3 (upgrade): statement 2 of 3 failed: ...",
                "  ran 1. ALTER TABLE `customers` ADD COLUMN `email` varchar(320) NULL",
                "\tat dev.retort.runtime.internal.StatementRun.failed(StatementRun.java:337)",
                "Caused by: java.sql.SQLTimeoutException: (conn=2685) Query execution was interrupted",
                "\t... 47 more");
        trace.forEach(lines);
        assertEquals(HALFWAY_FAILURE, lines.failure(2));
        assertEquals(trace, logged);
    }

    @Test
    void noErrorLineIsTheExitCode() {
        lines.accept("something else");
        assertEquals("retort exited with 3", lines.failure(3));
        assertEquals(List.of("something else"), logged);
    }

    /** The command line's own output: a one-line error, then with --stacktrace the trace, which is not the message. */
    @Test
    void theCommandLinesErrorAndTrace(@TempDir Path project) {
        LogWriter err = new LogWriter(lines);
        int code = Main.run(
                project,
                Map.of(StartupSwitch.ALL, "off"),
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "--stacktrace",
                "-x",
                "url=jdbc:postgresql://127.0.0.1:1/nowhere",
                "-x",
                "connect.timeout=2",
                "current");
        err.close();
        assertEquals(2, code);
        assertTrue(
                lines.failure(code).startsWith("retort: cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere"),
                () -> lines.failure(code) + logged);
        assertEquals(1, lines.failure(code).lines().count(), () -> lines.failure(code));
        assertTrue(logged.get(0).startsWith("dev.retort."), logged::toString);
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("\tat ")), logged::toString);
    }
}
