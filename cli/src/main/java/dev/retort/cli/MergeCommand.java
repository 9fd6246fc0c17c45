package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.Plan;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.Targets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort merge -m MSG REV... | heads}: a revision that joins several heads. */
@Command(
        name = "merge",
        description = "Create a revision that merges the given revisions (or all heads) into one head.")
final class MergeCommand extends Subcommand {
    @Option(
            names = {"-m", "--message"},
            required = true,
            description = "What the merge is for.")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
    String revisionId;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Name the branch that starts with the merge.")
    List<String> branchLabels = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "REV", description = "The revisions to merge, or 'heads'.")
    List<String> revisions;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        RevisionGraph graph = project.graph();
        Set<String> revises = new LinkedHashSet<>();
        for (String spec : revisions) {
            if (spec.equals(Targets.HEADS)) revises.addAll(graph.heads());
            else revises.add(graph.resolve(spec));
        }
        if (revises.size() < 2) {
            throw new RetortException("merge needs at least two revisions, got "
                    + (revises.isEmpty() ? "none" : String.join(", ", revises))
                    + (revisions.contains(Targets.HEADS) ? " (the history has a single head)" : ""));
        }
        for (String id : revises) {
            for (String other : revises) {
                if (!id.equals(other)
                        && graph.ancestorsAlongRevises(List.of(other)).contains(id)) {
                    throw new RetortException("cannot merge " + id + " into " + other + ": it is already below it");
                }
            }
        }
        RevisionHeader header = RevisionHeader.of(
                        project.revisionId(revisionId),
                        List.copyOf(revises),
                        message,
                        LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS))
                .withBranchLabels(branchLabels);
        Path target = project.writeMigration(header, Plan.EMPTY);
        root.out().println(Terminal.safe("Generating " + target + " ... done"));
        return ExitCode.OK;
    }
}
