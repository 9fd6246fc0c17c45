package dev.retort.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** {@code retort:stamp}: sets the version table to {@code retort.revision} without running migrations. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class StampMojo extends RetortMojo {
    /** The revisions, comma-separated ({@code base} for none, {@code heads} for all). */
    @Parameter(property = "retort.revision")
    String revision;

    /** Empty the version table first, even of unknown revisions ({@code --purge}). */
    @Parameter(property = "retort.purge", defaultValue = "false")
    boolean purge;

    @Inject
    public StampMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() throws MojoExecutionException {
        if (revision == null || revision.isBlank())
            throw new MojoExecutionException("retort:stamp needs revisions: -Dretort.revision=REV (or base, heads)");
        List<String> args = new ArrayList<>(List.of("stamp"));
        Arrays.stream(revision.split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .forEach(args::add);
        if (purge) args.add("--purge");
        return args;
    }

    @Override
    String goal() {
        return "stamp";
    }
}
