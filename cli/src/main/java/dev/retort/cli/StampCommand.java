package dev.retort.cli;

import dev.retort.runtime.RunResult;
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
    public Integer call() {
        Project project = root.project();
        if (sql) {
            root.out().print(project.offline().stampScript(revisions));
            return ExitCode.OK;
        }
        RunResult result = project.retort(new Progress(root), false).stamp(revisions, purge);
        root.info("Stamped " + Revisions.heads(result.before()) + " -> " + Revisions.heads(result.after()));
        return ExitCode.OK;
    }
}
