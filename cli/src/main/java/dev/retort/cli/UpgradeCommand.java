package dev.retort.cli;

import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.RunResult;
import java.sql.Connection;
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
    public Integer call() throws Exception {
        Project project = root.project();
        project.startLoadingMigrations();
        if (sql) {
            OfflineRange range = OfflineRange.parse(project.graph(), target, false);
            root.out()
                    .print(project.offline(
                            project.migrator(new MigrationListener() {}).upgradeScript(range.from(), range.to())));
            return Main.OK;
        }
        try (Connection connection = project.connect()) {
            RunResult result = project.migrator(new Progress(root)).upgrade(connection, target);
            if (result.applied().isEmpty())
                root.info("Nothing to upgrade: the database is at " + Revisions.heads(result.after()) + ".");
        }
        return Main.OK;
    }
}
