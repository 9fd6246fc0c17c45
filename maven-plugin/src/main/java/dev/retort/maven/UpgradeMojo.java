package dev.retort.maven;

import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** {@code retort:upgrade}: applies the migrations up to {@code retort.target} (default {@code head}). */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class UpgradeMojo extends RetortMojo {
    /** The upgrade target: {@code head}, {@code heads}, a revision, {@code +N}, {@code LABEL@head}, ... */
    @Parameter(property = "retort.target", defaultValue = "head")
    String target;

    @Inject
    public UpgradeMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() {
        return List.of("upgrade", target);
    }

    @Override
    String goal() {
        return "upgrade";
    }
}
