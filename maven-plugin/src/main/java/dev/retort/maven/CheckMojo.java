package dev.retort.maven;

import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code retort:check}: compares the entities with the database at head and fails the build when a new migration is
 * needed, listing the operations; the {@code retort/1} JSON report goes to {@code target/retort/check.json}. Bound to
 * {@code verify} when named in an execution.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends RetortMojo {
    /** Where the JSON report is written. */
    @Parameter(property = "retort.report", defaultValue = "${project.build.directory}/retort/check.json")
    File report;

    @Inject
    public CheckMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() {
        return List.of("check", "-v", "--json-report", report.getAbsolutePath());
    }

    @Override
    boolean readsEntities() {
        return true;
    }

    @Override
    void found(String output) throws MojoFailureException {
        String operations = output.lines()
                .dropWhile(line -> !line.startsWith("New upgrade operations detected:"))
                .skip(1)
                .reduce("", (all, line) -> all + "\n" + line);
        throw new MojoFailureException("The entities and the database differ: a new migration is needed "
                + "(mvn retort:revision -Dretort.autogenerate -Dretort.message=...). Operations:" + operations
                + "\nReport: " + report);
    }

    @Override
    String goal() {
        return "check";
    }
}
