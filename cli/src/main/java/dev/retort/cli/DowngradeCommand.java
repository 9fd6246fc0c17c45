package dev.retort.cli;

import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.RunResult;
import java.sql.Connection;
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
    public Integer call() throws Exception {
        Project project = root.project();
        project.startLoadingMigrations();
        if (sql) {
            OfflineRange range = OfflineRange.parse(project.graph(), target, true);
            root.out()
                    .print(project.offline(
                            project.migrator(new MigrationListener() {}).downgradeScript(range.from(), range.to())));
            return Main.OK;
        }
        try (Connection connection = project.connect()) {
            RunResult result = project.migrator(new Progress(root)).downgrade(connection, target);
            if (result.applied().isEmpty())
                root.info("Nothing to downgrade: the database is at " + Revisions.heads(result.after()) + ".");
        }
        return Main.OK;
    }
}
