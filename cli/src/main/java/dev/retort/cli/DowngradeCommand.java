package dev.retort.cli;

import dev.retort.runtime.Migrator;
import java.sql.Connection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET}: undoes migrations down to a target. */
@Command(name = "downgrade", description = "Downgrade the database to TARGET: -N, a revision (or unique prefix), or base.")
final class DowngradeCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "TARGET")
    String target;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        try (Connection connection = project.connect()) {
            Migrator.Result result = project.migrator(new Progress(root)).downgrade(connection, target);
            if (result.steps().isEmpty()) root.info("Nothing to downgrade: the database is at " + Revisions.heads(result.after()) + ".");
        }
        return Main.OK;
    }
}
