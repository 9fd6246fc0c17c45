package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.report.JsonReport;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Retort;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort current [-v] [--check-heads]}: the revisions the database is at. */
@Command(name = "current", description = "Show the revision(s) the database is at; nothing at base.")
final class CurrentCommand extends ReportingSubcommand {
    @Option(
            names = {"-v", "--verbose"},
            description = "Show each revision in full.")
    boolean verbose;

    @Option(names = "--check-heads", description = "Exit 1 when the database is not at all heads.")
    boolean checkHeads;

    @Override
    public Integer call() {
        boolean json = json();
        Project project = root.project();
        Retort retort = project.retort(new MigrationListener() {}, true);
        Set<String> current = retort.current();
        PrintWriter out = root.out();
        if (verbose && !json) out.println(Terminal.safe("Version table: " + retort.versionTable()));
        RevisionGraph graph = retort.revisions();
        for (String id : current) {
            if (!graph.contains(id)) {
                throw new RetortException("the database is at revision " + id + ", which no migration in "
                        + project.settings().migrationsDir() + " declares");
            }
            if (json) continue;
            out.print(
                    verbose
                            ? Revisions.verbose(graph, graph.node(id), Set.of())
                            : Revisions.marked(graph, id, Set.of()) + "\n");
        }
        if (json) JsonReport.current(out, graph, current);
        else
            retort.partialRun().ifPresent(partial -> partial.lines().forEach(line -> out.println(Terminal.safe(line))));
        if (checkHeads && !current.equals(Set.copyOf(graph.heads()))) {
            root.err()
                    .println(Terminal.safe("the database is not at all heads: it is at " + Revisions.heads(current)
                            + ", the heads are " + Revisions.heads(graph.heads())));
            return ExitCode.FOUND;
        }
        return ExitCode.OK;
    }
}
