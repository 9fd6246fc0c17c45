package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** {@code retort:history}: every revision, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class HistoryMojo extends RetortMojo {
    /** Full blocks ({@code -v}). */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    /** Only {@code [START]:[END]} ({@code -r}). */
    @Parameter(property = "retort.range")
    String range;

    /** Mark the revisions the database is at ({@code -i}; connects). */
    @Parameter(property = "retort.indicateCurrent", defaultValue = "false")
    boolean indicateCurrent;

    @Inject
    public HistoryMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("history"));
        if (range != null) args.addAll(List.of("-r", range));
        if (verbose) args.add("-v");
        if (indicateCurrent) args.add("-i");
        return args;
    }

    @Override
    String goal() {
        return "history";
    }
}
