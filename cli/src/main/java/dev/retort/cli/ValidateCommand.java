package dev.retort.cli;

import dev.retort.report.JsonReport;
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
final class ValidateCommand extends ReportingSubcommand {
    @Option(
            names = "--accept",
            paramLabel = "REV",
            description = "Accept the current content of an applied revision (edited or unverifiable).")
    String accept;

    @Override
    public Integer call() {
        boolean json = json();
        Retort retort = root.project().retort(new Progress(root), false);
        String accepted = null;
        if (accept != null) {
            retort.accept(accept);
            accepted = retort.revisions().resolve(accept);
            root.info("Accepted the current content of revision " + accepted + ".");
        }
        Validation validation = retort.validate();
        if (json) {
            JsonReport.validate(root.out(), validation, accepted);
            return validation.isClean() ? ExitCode.OK : ExitCode.FOUND;
        }
        if (validation.isClean()) {
            root.out().println("All applied revisions match their migrations.");
            return ExitCode.OK;
        }
        for (Validation.Problem problem : validation.problems()) {
            Terminal.printLines(root.out(), problem.kind().name().toLowerCase(Locale.ROOT) + ": ", problem.message());
        }
        return ExitCode.FOUND;
    }
}
