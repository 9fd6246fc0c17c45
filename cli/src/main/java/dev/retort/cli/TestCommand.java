package dev.retort.cli;

import dev.retort.autogenerate.OpText;
import dev.retort.diff.Plan;
import dev.retort.op.Op;
import dev.retort.report.JsonReport;
import dev.retort.runtime.Retort;
import dev.retort.runtime.StairwayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort test}: the stairway on a scratch database, then {@code check} at head. */
@Command(
        name = "test",
        description = "Walk the migrations on a scratch database on dev.url's server: each revision upgraded,"
                + " downgraded (the schema must be exactly the one before) and upgraded again; revisions without a"
                + " downgrade are applied and reported, not walked back. Then, when entities are configured, compare"
                + " them with the heads. Exit 0 when all pass, 1 naming the first revision that fails (with the"
                + " differences) or the operations check finds, 2 on error.")
final class TestCommand extends ReportingSubcommand {
    @Option(
            names = "--from",
            paramLabel = "REV",
            description = "Walk from this revision (it and what comes after it); earlier ones are only applied.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "REV",
            description = "Walk up to this revision (it and what it needs); no check against the entities then.")
    String to;

    @Override
    public Integer call() throws Exception {
        boolean json = json();
        Project project = root.project();
        boolean entities = project.settings().get("entities.packages").isPresent()
                || project.settings().get("entities.persistence-unit").isPresent();
        if (entities && to == null) project.startReadingEntities();
        try (ScratchDatabase scratch = project.scratch()) {
            Retort retort = project.scratchRetort(scratch);
            project.createDefaultSchema(scratch);
            StairwayResult result = retort.stairway(from, to);
            if (json) return report(project, scratch, result, entities && to == null);
            for (StairwayResult.Step step : result.forwardOnly())
                root.out().println("forward-only, applied and not walked back: " + Terminal.safe(step.message()));
            if (result.failure().isPresent()) {
                StairwayResult.Step failure = result.failure().get();
                root.out().println("FAILED " + Terminal.safe(failure.message()));
                for (Op op : failure.differences()) root.out().println("  " + Terminal.safe(OpText.describe(op)));
                return ExitCode.FOUND;
            }
            root.out()
                    .println("Stairway passed: "
                            + (result.steps().size() - result.forwardOnly().size())
                            + " revisions up, down and up again.");
            if (!entities || to != null) return ExitCode.OK;
            return CheckCommand.list(root.out(), atHeads(project, scratch), project.hazards());
        }
    }

    /** The document: the steps, and the entities compared at the heads when the walk passed and they are to be. */
    private int report(Project project, ScratchDatabase scratch, StairwayResult result, boolean compare)
            throws Exception {
        Plan atHeads = result.passed() && compare ? atHeads(project, scratch) : null;
        JsonReport.test(root.out(), result, atHeads, project.settings().defaultSchema());
        return !result.passed() || atHeads != null && !atHeads.isEmpty() ? ExitCode.FOUND : ExitCode.OK;
    }

    /** The entities compared with the scratch database at the heads. */
    private static Plan atHeads(Project project, ScratchDatabase scratch) throws Exception {
        return project.compareOnScratch(scratch);
    }
}
