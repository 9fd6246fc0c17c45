package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET [--sql]}: undoes migrations down to a target, or prints their SQL. */
@Command(
        name = "downgrade",
        description = "Downgrade the database to TARGET: -N, REV-N, a revision (id, prefix or branch label), "
                + "LABEL@REV, LABEL@-N, or base; with --sql, FROM:TO prints the script instead.")
final class DowngradeCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "TARGET")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of running it; no connection is made.")
    boolean sql;

    @Override
    public Integer call() {
        Project project = root.project();
        if (sql) {
            Retort offline = project.offline();
            OfflineRange range = OfflineRange.parse(offline.revisions(), target, true);
            root.out().print(offline.downgradeScript(range.from(), range.to()));
            return ExitCode.OK;
        }
        Progress progress = new Progress(root);
        RunResult result = project.retort(progress, true).downgrade(target);
        if (result.applied().isEmpty() && !progress.progressed())
            root.info("Nothing to downgrade: the database is at " + Revisions.heads(result.after()) + ".");
        return ExitCode.OK;
    }
}
