package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.ExpandContract;
import dev.retort.diff.Plan;
import dev.retort.diff.Retype;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.revision.RevisionException;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionIds;
import dev.retort.revision.Targets;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort revision -m MSG [--autogenerate]}: writes a new migration class. */
@Command(
        name = "revision",
        description = "Create a new migration after the head; with --autogenerate, filled with what makes the "
                + "database match the entities.")
final class RevisionCommand extends Subcommand {
    @Option(
            names = {"-m", "--message"},
            required = true,
            description = "What the revision does.")
    String message;

    @Option(
            names = "--autogenerate",
            description = "Fill the migration with the changes that make the database match the entities.")
    boolean autogenerate;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
    String revisionId;

    @Option(
            names = "--head",
            paramLabel = "REV",
            description = "The revision to build on (a head, LABEL@head, or base for a new base).")
    String head;

    @Option(
            names = "--splice",
            description = "Allow --head to name a revision that is not a head, starting a new branch from it.")
    boolean splice;

    @Option(
            names = "--branch-label",
            paramLabel = "LABEL",
            description = "Name the branch that starts with this revision.")
    List<String> branchLabels = new ArrayList<>();

    @Option(
            names = "--depends-on",
            paramLabel = "REV",
            description = "A revision that must be applied first (not merged).")
    List<String> dependsOn = new ArrayList<>();

    @Option(
            names = "--dev",
            description = "With --autogenerate: compare with the schema the migrations build on a scratch database on "
                    + "dev.url's server; the default when no url is configured.")
    boolean dev;

    @Option(
            names = "--expand-contract",
            description =
                    "With --autogenerate: write each column rename, and each type change that rewrites an existing"
                            + " table without losing a value, as two revisions deployed a release apart, an expand one (the"
                            + " new or shadow column, a trigger, a batched copy) and a contract one (the old column dropped);"
                            + " PostgreSQL only.")
    boolean expandContract;

    @Option(names = "--allow-empty", description = "Write the migration even when --autogenerate finds no change.")
    boolean allowEmpty;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        if (autogenerate) project.startReadingEntities();
        RevisionGraph graph = project.graph();
        List<String> revises = revises(graph);
        List<String> dependencies =
                dependsOn.stream().map(graph::resolve).distinct().toList();
        for (String label : branchLabels) checkLabel(graph, label);
        if (expandContract && !autogenerate)
            throw new OptionException("--expand-contract", "", "--expand-contract needs --autogenerate");
        if (expandContract && project.settings().dialect() == Dialect.MARIADB)
            throw new OptionException(
                    "--expand-contract",
                    "",
                    "--expand-contract: PostgreSQL only (its trigger and batched copy are PL/pgSQL), not on MariaDB");
        String id = project.revisionId(revisionId);
        Plan plan = Plan.EMPTY;
        Schema database = null;
        if (autogenerate && expandContract) {
            Autogenerate.Comparison comparison = project.comparison(dev, "revision --autogenerate");
            database = comparison.database();
            plan = comparison.plan();
        } else if (autogenerate) {
            plan = project.autogenerate(dev, "revision --autogenerate");
        }
        if (autogenerate) {
            project.safety(plan); // an online primary key is refused on MySQL before a line is printed
            for (Op op : plan.upgrade()) root.info("Detected " + OpText.describe(op));
            if (plan.isEmpty() && !allowEmpty) {
                root.out()
                        .println(
                                "No changes in schema detected; no migration written (use --allow-empty to write one).");
                return ExitCode.OK;
            }
        }
        LocalDateTime created = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        RevisionHeader header = RevisionHeader.of(id, revises, message, created)
                .withBranchLabels(branchLabels)
                .withDependsOn(dependencies);
        if (expandContract) {
            ExpandContract split = ExpandContract.of(plan, database);
            if (split.splits()) return writeExpandContract(project, header, split);
            for (String line : split.notSplit()) root.out().println(Terminal.safe(line));
            root.out()
                    .println("No column rename or type change to split; --expand-contract writes one revision as"
                            + " usual.");
        }
        Path target = project.writeMigration(header, plan);
        root.out().println(Terminal.safe("Generating " + target + " ... done"));
        // the hazards of what was written: the online forms leave some of the plan's behind
        List<Op> written = MigrationWriter.upgrade(plan, project.safety(plan));
        for (Op op : written) {
            for (Hazard hazard : project.hazards().hazards(op, written)) root.info("  " + hazard);
        }
        return ExitCode.OK;
    }

    /** The expand revision (this command's header, its message marked) and the contract revision that revises it. */
    private int writeExpandContract(Project project, RevisionHeader header, ExpandContract split) {
        String contractId = project.revisionId(null);
        while (contractId.startsWith(header.id()) || header.id().startsWith(contractId))
            contractId = project.revisionId(null);
        RevisionHeader expand = RevisionHeader.of(
                        header.id(), header.revises(), message + " (expand)", header.created())
                .withBranchLabels(header.branchLabels())
                .withDependsOn(header.dependsOn());
        RevisionHeader contract =
                RevisionHeader.of(contractId, List.of(header.id()), message + " (contract)", header.created());
        for (String line : split.notSplit()) root.out().println(Terminal.safe(line));
        List<Path> written = project.writeExpandContract(expand, contract, split);
        for (ExpandContract.Rename rename : split.renames()) {
            root.out()
                    .println(Terminal.safe("Expand/contract rename of " + rename.table() + "."
                            + rename.from().name() + " to " + rename.to().name()));
        }
        for (Retype retype : split.retypes()) {
            root.out()
                    .println(Terminal.safe("Expand/contract type change of " + retype.table() + "."
                            + retype.column() + " from " + retype.from().type() + " to "
                            + retype.to().type()
                            + " through the shadow column " + retype.shadowName()
                            + " (after the contract it is the table's last column)"));
        }
        root.out().println(Terminal.safe("Generating " + written.get(0) + " (expand) ... done"));
        root.out().println(Terminal.safe("Generating " + written.get(1) + " (contract) ... done"));
        root.out()
                .println(
                        split.renames().isEmpty()
                                ? "Deploy the expand revision while the old release runs, then upgrade to the contract"
                                        + " revision " + contractId + " as you deploy the release that reads the new"
                                        + " type."
                                : "Deploy the expand revision, roll out the release that uses the new column names,"
                                        + " then upgrade to the contract revision " + contractId + ".");
        return ExitCode.OK;
    }

    private List<String> revises(RevisionGraph graph) {
        if (head == null) {
            List<String> heads = graph.heads();
            if (heads.size() > 1) {
                throw new RetortException(
                        "the history has several heads (" + String.join(", ", heads) + "): pass --head REV "
                                + "(or LABEL@head) to choose the parent, or merge them first with 'retort merge -m MESSAGE heads'");
            }
            return heads;
        }
        if (head.equals(Targets.BASE)) return List.of();
        String parent = Targets.single(graph, head);
        if (!splice && !graph.heads().contains(parent)) {
            throw new OptionException(
                    "--head",
                    head,
                    "--head " + head + ": revision " + parent + " is not a head; pass --splice to start a new "
                            + "branch from it");
        }
        return List.of(parent);
    }

    private static void checkLabel(RevisionGraph graph, String label) {
        String problem = RevisionIds.labelProblem(label);
        if (problem != null)
            throw new OptionException(
                    "--branch-label", label, "--branch-label " + RevisionIds.quoted(label) + " " + problem);
        if (graph.branchLabels().containsKey(label)) {
            throw new OptionException(
                    "--branch-label",
                    label,
                    "--branch-label " + label + ": already names revision "
                            + graph.branchLabels().get(label));
        }
        try {
            graph.resolve(label);
            throw new OptionException(
                    "--branch-label",
                    label,
                    "--branch-label " + label + ": would be mistaken for revision " + graph.resolve(label));
        } catch (RevisionException.Unknown expected) {
            // the label is free
        }
    }
}
