package dev.retort.maven;

import dev.retort.maven.internal.LogWriter;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code retort:sql}: writes the offline script of an upgrade (or a downgrade) to a file, without connecting, for
 * {@code psql -X -v ON_ERROR_STOP=1 -f}.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class SqlMojo extends RetortMojo {
    /** {@code upgrade} or {@code downgrade}. */
    @Parameter(property = "retort.direction", defaultValue = "upgrade")
    String direction;

    /** {@code [FROM:]TO} for an upgrade (default {@code head}, from base), {@code FROM:TO} for a downgrade. */
    @Parameter(property = "retort.target")
    String target;

    /** Where the script goes; default {@code target/retort/upgrade.sql} (or {@code downgrade.sql}). */
    @Parameter(property = "retort.output")
    File output;

    @Inject
    public SqlMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    List<String> arguments() throws MojoExecutionException {
        if (!direction.equals("upgrade") && !direction.equals("downgrade"))
            throw new MojoExecutionException("retort.direction: expected upgrade or downgrade, got " + direction);
        if (target == null && direction.equals("downgrade"))
            throw new MojoExecutionException("retort:sql -Dretort.direction=downgrade needs -Dretort.target=FROM:TO");
        return List.of(direction, target == null ? "head" : target, "--sql");
    }

    /** The script goes to the file, not the log; the file is written only when the command succeeds. */
    @Override
    int run(List<String> args, PrintWriter out, PrintWriter err) {
        Path file = output != null
                ? output.toPath()
                : Path.of(project.getBuild().getDirectory(), "retort", direction + ".sql");
        LogWriter script = new LogWriter(line -> {});
        int code = super.run(args, new PrintWriter(script, true), err);
        if (code != 0) return code;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write(script.text());
            }
        } catch (IOException e) {
            err.println("error: cannot write " + file + ": " + e.getMessage());
            return 2;
        }
        out.println("Wrote the " + direction + " script to " + file);
        return 0;
    }

    @Override
    String goal() {
        return "sql";
    }
}
