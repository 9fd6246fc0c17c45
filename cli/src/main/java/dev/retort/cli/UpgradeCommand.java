package dev.retort.cli;

import dev.retort.runtime.Migrator;
import java.sql.Connection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade TARGET}: applies migrations up to a target. */
@Command(name = "upgrade", description = "Upgrade the database to TARGET: head, heads, a revision (or unique prefix), or +N.")
final class UpgradeCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "TARGET")
    String target;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        try (Connection connection = project.connect()) {
            Migrator.Result result = project.migrator(new Progress(root)).upgrade(connection, target);
            if (result.steps().isEmpty()) root.info("Nothing to upgrade: the database is at " + Revisions.heads(result.after()) + ".");
        }
        return Main.OK;
    }
}
