package dev.retort.cli;

import dev.retort.lint.Finding;
import dev.retort.lint.LintResult;
import dev.retort.lint.Linter;
import dev.retort.report.JsonReport;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retort lint [REV...]}: the migrations read against the lint rules of the project's database (PostgreSQL's, or
 * MariaDB's for a MariaDB {@code url} or {@code dev.url}), without a database.
 */
@Command(
        name = "lint",
        description = "Check the migrations (all, or the revisions named) for operations that lock a live table, lose"
                + " data without an acknowledgement or break the runner, without connecting: exit 0 when no rule"
                + " reports an error, 1 when one does, 2 when the migrations cannot be read.")
final class LintCommand extends ReportingSubcommand {
    static final String SARIF = "sarif";

    @Parameters(
            paramLabel = "REV",
            arity = "0..*",
            description = "Revisions to lint (ids, prefixes, labels); all by default.")
    List<String> revisions = new ArrayList<>();

    @Option(
            names = "--json-report",
            paramLabel = "FILE",
            description =
                    "Also write the --format json document to FILE (its folders created), whatever --format says.")
    Path jsonReport;

    @Option(
            names = "--sarif-report",
            paramLabel = "FILE",
            description = "Also write the --format sarif log to FILE (its folders created), whatever --format says: a"
                    + " build shows the text and keeps the log for code scanning.")
    Path sarifReport;

    @Override
    public Integer call() {
        if (!format.equals(TEXT) && !format.equals(JSON) && !format.equals(SARIF))
            throw new OptionException("--format", format, "--format " + format + ": expected text, json or sarif");
        if (!format.equals(TEXT)) root.notesToStderr();
        Project project = root.project();
        LintResult result = Linter.lint(
                project.migrationSet(), revisions, project.settings().lintConfig());
        if (jsonReport != null) writeReport("--json-report", jsonReport, out -> JsonReport.lint(out, result));
        if (sarifReport != null) writeReport("--sarif-report", sarifReport, out -> sarif(out, result));
        if (format.equals(JSON)) JsonReport.lint(root.out(), result);
        else if (format.equals(SARIF)) sarif(root.out(), result);
        else print(root.out(), result);
        return result.errors() > 0 ? ExitCode.FOUND : ExitCode.OK;
    }

    private static void sarif(Writer out, LintResult result) {
        JsonReport.sarif(out, result, RetortCommand.class.getPackage().getImplementationVersion());
    }

    /** The findings one a line ({@code R..._AddX.java:12: error rule: message}), then the counts. */
    static void print(PrintWriter out, LintResult result) {
        for (Finding finding : result.reported()) out.println(line(finding));
        int revisions = result.revisions().size();
        String read = revisions + (revisions == 1 ? " revision" : " revisions");
        if (result.errors() == 0 && result.warnings() == 0) {
            out.println("No lint findings in " + read + ".");
        } else {
            out.println(
                    count(result.errors(), "error") + ", " + count(result.warnings(), "warning") + " in " + read + ".");
        }
    }

    static String line(Finding finding) {
        return Terminal.safe(finding.fileName() + (finding.line() > 0 ? ":" + finding.line() : "") + ": "
                + finding.severity().word() + " " + finding.rule().id() + ": " + finding.message());
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
