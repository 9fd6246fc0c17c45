package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** {@code retort:current}: the revisions the database is at; with {@code retort.checkHeads}, fails when not at all heads. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class CurrentMojo extends RetortMojo {
    /** Also say where the version table is ({@code -v}). */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    /** Fail the build when the database is not at all heads ({@code --check-heads}). */
    @Parameter(property = "retort.checkHeads", defaultValue = "false")
    boolean checkHeads;

    @Inject
    public CurrentMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("current"));
        if (verbose) args.add("-v");
        if (checkHeads) args.add("--check-heads");
        return args;
    }

    @Override
    String goal() {
        return "current";
    }
}
