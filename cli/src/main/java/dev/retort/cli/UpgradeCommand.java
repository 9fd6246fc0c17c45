package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade TARGET [--sql]}: applies migrations up to a target, or prints their SQL. */
@Command(
        name = "upgrade",
        description =
                "Upgrade the database to TARGET: head, heads, a revision (id, prefix or branch label), +N, "
                        + "REV+N, LABEL@head, LABEL@REV, LABEL@+N; with --sql, [FROM:]TO prints the script instead (from base when FROM is left out).")
final class UpgradeCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "TARGET")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of running it; no connection is made.")
    boolean sql;

    @Override
    public Integer call() {
        Project project = root.project();
        if (sql) {
            Retort offline = project.offline();
            OfflineRange range = OfflineRange.parse(offline.revisions(), target, false);
            root.out().print(offline.upgradeScript(range.from(), range.to()));
            return ExitCode.OK;
        }
        Progress progress = new Progress(root);
        RunResult result = project.retort(progress, true).upgrade(target);
        if (result.applied().isEmpty() && !progress.progressed())
            root.info("Nothing to upgrade: the database is at " + Revisions.heads(result.after()) + ".");
        return ExitCode.OK;
    }
}
