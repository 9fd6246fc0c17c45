package dev.retort.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code retort:lint}: reads the migrations against the lint rules without connecting, the findings in the log, and
 * fails the build when one is an error; the SARIF log goes to {@code target/retort/lint.sarif} (or the {@code retort/1}
 * document to {@code lint.json}) for code scanning. Bound to {@code verify} when named in an execution.
 */
@Mojo(
        name = "lint",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class LintMojo extends RetortMojo {
    /** The revisions to lint (ids, prefixes, labels), comma-separated; all when absent. */
    @Parameter(property = "retort.revisions")
    List<String> revisions = new ArrayList<>();

    /** The report's format: {@code sarif} (SARIF 2.1.0) or {@code json} (the {@code retort/1} document). */
    @Parameter(property = "retort.lintFormat", defaultValue = "sarif")
    String format;

    /** Where the report is written; default {@code target/retort/lint.sarif} (or {@code lint.json}). */
    @Parameter(property = "retort.lintReport")
    File report;

    @Inject
    public LintMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() throws MojoExecutionException {
        if (!format.equals("sarif") && !format.equals("json"))
            throw new MojoExecutionException("retort.lintFormat: expected sarif or json, got " + format);
        List<String> args = new ArrayList<>(List.of("lint", "--" + format + "-report", report().getAbsolutePath()));
        args.addAll(revisions);
        return args;
    }

    private File report() {
        return report != null ? report : new File(project.getBuild().getDirectory(), "retort/lint." + format);
    }

    @Override
    void found(String output) throws MojoFailureException {
        String findings =
                output.lines().filter(line -> line.contains(": error ")).reduce("", (all, line) -> all + "\n" + line);
        throw new MojoFailureException("Lint found errors in the migrations (fix them, or waive one with"
                + " op.lintIgnore(rule, reason) or @Lint.Suppress):" + findings + "\nReport: " + report());
    }

    @Override
    String goal() {
        return "lint";
    }
}
