package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code retort:revision}: writes a new migration after the head; with {@code -Dretort.autogenerate}, filled with the
 * operations that make the database match the entities.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class RevisionMojo extends RetortMojo {
    /** The revision's message ({@code -m}). */
    @Parameter(property = "retort.message")
    String message;

    /** Fill the migration from the difference between the entities and the database ({@code --autogenerate}). */
    @Parameter(property = "retort.autogenerate", defaultValue = "false")
    boolean autogenerate;

    /** Write the migration even when autogenerate finds nothing ({@code --allow-empty}). */
    @Parameter(property = "retort.allowEmpty", defaultValue = "false")
    boolean allowEmpty;

    /** The parent when the history has several heads ({@code --head}). */
    @Parameter(property = "retort.head")
    String head;

    /** The new revision's id ({@code --rev-id}); random by default. */
    @Parameter(property = "retort.revId")
    String revId;

    @Inject
    public RevisionMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() throws MojoExecutionException {
        if (message == null || message.isBlank())
            throw new MojoExecutionException(
                    "retort:revision needs a message: -Dretort.message=\"add customer phone\"");
        List<String> args = new ArrayList<>(List.of("revision", "-m", message));
        if (autogenerate) args.add("--autogenerate");
        if (allowEmpty) args.add("--allow-empty");
        if (head != null) args.addAll(List.of("--head", head));
        if (revId != null) args.addAll(List.of("--rev-id", revId));
        return args;
    }

    @Override
    boolean readsEntities() {
        return autogenerate;
    }

    @Override
    String goal() {
        return "revision";
    }
}
