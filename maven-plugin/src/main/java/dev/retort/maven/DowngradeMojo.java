package dev.retort.maven;

import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** {@code retort:downgrade}: undoes migrations down to {@code retort.target}, which has no default. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class DowngradeMojo extends RetortMojo {
    /** The downgrade target: {@code base}, a revision, {@code -N}, {@code LABEL@-N}, ... */
    @Parameter(property = "retort.target")
    String target;

    @Inject
    public DowngradeMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() throws MojoExecutionException {
        if (target == null || target.isBlank())
            throw new MojoExecutionException(
                    "retort:downgrade needs a target: -Dretort.target=-1 (or a revision, base)");
        return List.of("downgrade", target);
    }

    @Override
    String goal() {
        return "downgrade";
    }
}
