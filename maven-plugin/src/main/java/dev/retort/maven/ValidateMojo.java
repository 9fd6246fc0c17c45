package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** {@code retort:validate}: fails the build when what ran differs from the migrations as they are now. */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ValidateMojo extends RetortMojo {
    /** Record the current content of this applied revision as deliberate first ({@code --accept}). */
    @Parameter(property = "retort.accept")
    String accept;

    @Inject
    public ValidateMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("validate"));
        if (accept != null) args.addAll(List.of("--accept", accept));
        return args;
    }

    @Override
    String goal() {
        return "validate";
    }
}
