package dev.retort.cli;

import dev.retort.runtime.RunResult;
import dev.retort.runtime.internal.Migrator;
import java.sql.Connection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort stamp REV... [--purge] [--sql]}: set the version table without running migrations. */
@Command(
        name = "stamp",
        description =
                "Set the version table to REV... ('base' for none, 'heads' for all) without running any migration.")
final class StampCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "REV")
    List<String> revisions;

    @Option(names = "--purge", description = "Empty the version table first, even of revisions no migration declares.")
    boolean purge;

    @Option(names = "--sql", description = "Print the SQL instead of running it; no connection is made.")
    boolean sql;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        Migrator migrator = project.migrator(new Progress(root));
        if (sql) {
            root.out().print(project.offline(migrator.stampScript(revisions)));
            return Main.OK;
        }
        try (Connection connection = project.connect()) {
            RunResult result = migrator.stamp(connection, revisions, purge);
            root.info("Stamped " + Revisions.heads(result.before()) + " -> " + Revisions.heads(result.after()));
        }
        return Main.OK;
    }
}
