package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.Validation;
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
    @Option(
            names = "--accept",
            paramLabel = "REV",
            description = "Accept the current content of an applied revision (edited or unverifiable).")
    String accept;

    @Override
    public Integer call() {
        Retort retort = root.project().retort(new Progress(root), false);
        if (accept != null) {
            retort.accept(accept);
            root.info("Accepted the current content of revision "
                    + retort.revisions().resolve(accept) + ".");
        }
        Validation validation = retort.validate();
        if (validation.isClean()) {
            root.out().println("All applied revisions match their migrations.");
            return ExitCode.OK;
        }
        for (Validation.Problem problem : validation.problems()) {
            root.out()
                    .println(problem.kind().name().toLowerCase(Locale.ROOT) + ": " + Terminal.safe(problem.message()));
        }
        return ExitCode.FOUND;
    }
}
