package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code retort:test}: the stairway on a scratch database ({@code dev.url}): each revision up, down to exactly the
 * schema before it, up again, then the entities compared at the heads; fails the build naming the first revision
 * whose downgrade does not restore.
 */
@Mojo(name = "test", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class TestMojo extends RetortMojo {
    /** Walk from this revision ({@code --from}); earlier ones are only applied. From base when absent. */
    @Parameter(property = "retort.from")
    String from;

    /** Walk up to this revision ({@code --to}), without the entity check then; the heads when absent. */
    @Parameter(property = "retort.to")
    String to;

    @Inject
    public TestMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("test"));
        if (from != null) args.addAll(List.of("--from", from));
        if (to != null) args.addAll(List.of("--to", to));
        return args;
    }

    /** The entities are compared at the heads after the walk, unless it stops at {@code retort.to}. */
    @Override
    boolean readsEntities() {
        return to == null;
    }

    @Override
    String goal() {
        return "test";
    }
}
