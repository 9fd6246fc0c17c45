package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.revision.RevisionException;
import dev.retort.revision.RevisionGraph;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code retort current}: the revisions the database is at. */
@Command(name = "current", description = "Show the revision(s) the database is at; nothing at base.")
final class CurrentCommand extends Subcommand {
    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        Set<String> current;
        try (Connection connection = project.connect()) {
            current = project.versionTable().read(connection);
        }
        RevisionGraph graph = project.graph();
        List<String> heads = graph.heads();
        for (String id : current) {
            try {
                graph.node(id);
            } catch (RevisionException.Unknown e) {
                throw new RetortException("the database is at revision " + id + ", which no migration in "
                        + project.settings().migrationsDir() + " declares");
            }
            root.out().println(id + (heads.contains(id) ? " (head)" : ""));
        }
        return Main.OK;
    }
}
