package dev.retort.cli;

import dev.retort.runtime.Validation;
import dev.retort.runtime.internal.Migrator;
import java.sql.Connection;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort validate [--accept REV]}: compares what ran with the migrations as they are now. */
@Command(
        name = "validate",
        description = "Report applied revisions whose migration was edited, has gone missing, is unknown, "
                + "or cannot be checked for want of a recorded checksum: exit 0 when all match, 1 otherwise. "
                + "--accept REV records an applied revision's current content as deliberate.")
final class ValidateCommand extends Subcommand {
    static final int PROBLEMS = 1;

    @Option(
            names = "--accept",
            paramLabel = "REV",
            description = "Accept the current content of an applied revision (edited or unverifiable).")
    String accept;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        Migrator migrator = project.migrator(new Progress(root));
        try (Connection connection = project.connect()) {
            if (accept != null) {
                migrator.accept(connection, accept);
                root.info("Accepted the current content of revision "
                        + project.graph().resolve(accept) + ".");
            }
            Validation validation = migrator.validate(connection);
            if (validation.isClean()) {
                root.out().println("All applied revisions match their migrations.");
                return Main.OK;
            }
            for (Validation.Problem problem : validation.problems()) {
                root.out()
                        .println(problem.kind().name().toLowerCase(Locale.ROOT) + ": "
                                + Terminal.safe(problem.message()));
            }
            return PROBLEMS;
        }
    }
}
