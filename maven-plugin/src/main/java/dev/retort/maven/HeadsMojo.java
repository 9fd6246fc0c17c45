package dev.retort.maven;

import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** {@code retort:heads}: the head revisions. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class HeadsMojo extends RetortMojo {
    /** Full blocks ({@code -v}). */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    @Inject
    public HeadsMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() {
        return verbose ? List.of("heads", "-v") : List.of("heads");
    }

    @Override
    String goal() {
        return "heads";
    }
}
