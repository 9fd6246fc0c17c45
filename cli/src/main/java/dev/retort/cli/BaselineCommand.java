package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.Plan;
import dev.retort.mariadb.MariaDbCatalog;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.mariadb.MariaDbVersions;
import dev.retort.mariadb.StatedDetails;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort baseline -m MSG}: adopts an existing database, writing its schema as the first revision and stamping it. */
@Command(
        name = "baseline",
        description = "Adopt an existing database: write a first revision that creates its current schema (read "
                + "from the database, not the entities) and stamp the database at it without running it.")
final class BaselineCommand extends Subcommand {
    @Option(
            names = {"-m", "--message"},
            required = true,
            description = "What the revision is (for example \"baseline\").")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
    String revisionId;

    @Override
    public Integer call() throws SQLException {
        Project project = root.project();
        project.startLoadingMigrations();
        requireNoRevisions(project);
        Plan plan = project.settings().dialect() == Dialect.MARIADB ? readMariaDb(project) : readDatabase(project);
        String id = project.revisionId(revisionId);
        for (Op op : plan.upgrade()) root.info("Detected " + OpText.describe(op));
        RevisionHeader header =
                RevisionHeader.of(id, List.of(), message, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        Path target = project.writeMigration(header, plan);
        root.out().println(Terminal.safe("Generating " + target + " ... done"));
        for (Op op : plan.upgrade()) {
            for (Hazard hazard : project.hazards().hazards(op, plan.upgrade())) root.info("  " + hazard);
        }
        RunResult stamped = stamp(project, id, target);
        root.info("Stamped " + Revisions.heads(stamped.before()) + " -> " + Revisions.heads(stamped.after()));
        return ExitCode.OK;
    }

    /** The plan that creates the database's schema, after making sure Retort does not manage it yet. */
    private static Plan readDatabase(Project project) throws SQLException {
        try (Connection connection = project.connect()) {
            VersionTable at = project.versionTable().locate(connection);
            Set<String> current = at.readHere(connection);
            if (!current.isEmpty()) {
                throw new RetortException("the database is already at " + String.join(", ", current) + " in "
                        + at.qualified() + ": Retort manages it already, so there is nothing to adopt; nothing was"
                        + " written");
            }
            Plan plan = project.autogenerate(at).baseline(connection);
            if (plan.isEmpty()) {
                throw new RetortException("the database has nothing to adopt in "
                        + String.join(", ", project.settings().schemas())
                        + " (no table, sequence or enum type); start from the entities with 'retort revision"
                        + " --autogenerate' instead");
            }
            return plan;
        }
    }

    /**
     * On MariaDB, the plan that creates the url's database, read by {@code MariaDbIntrospector}, with what only MariaDB
     * keeps ({@link StatedDetails#ofCreates}): engines, character sets, column options, key prefix lengths.
     */
    private Plan readMariaDb(Project project) throws SQLException {
        var settings = project.settings();
        settings.schemas(); // refused on MariaDB unless left unset, before anything is read
        try (Connection connection = project.connectMariaDb()) {
            Set<String> current = MariaDbVersions.applied(connection, settings.versionTable());
            if (!current.isEmpty()) {
                throw new RetortException("the database is already at " + String.join(", ", current) + " in "
                        + settings.versionTable() + ": Retort manages it already, so there is nothing to adopt;"
                        + " nothing was written");
            }
            MariaDbCatalog catalog = MariaDbIntrospector.read(connection);
            Autogenerate pipeline = project.mariaDbAutogenerate();
            Schema database = pipeline.filterDatabase(catalog.schema());
            Plan plan = pipeline.diff(Schema.EMPTY, database);
            if (plan.isEmpty()) {
                throw new RetortException("the database " + catalog.database() + " has nothing to adopt (no table or"
                        + " sequence); start from the entities with 'retort revision --autogenerate' instead");
            }
            // the tables' engines, character sets, column options and index prefixes written as they are
            plan = StatedDetails.ofCreates(plan, catalog.details(), StatedDetails.ServerDefaults.read(connection));
            return plan;
        }
    }

    private static void requireNoRevisions(Project project) {
        RevisionGraph graph = project.graph();
        if (!graph.inOrder().isEmpty()) {
            throw new RetortException(
                    "the migrations folder " + project.settings().migrationsDir()
                            + " already has revisions (head " + String.join(", ", graph.heads())
                            + "): baseline writes a project's first revision; nothing was written");
        }
    }

    /** Stamps the database at the new revision; when that fails, the revision written is taken back. */
    private RunResult stamp(Project project, String id, Path written) {
        try {
            return project.retort(new Progress(root), false).stamp(List.of(id), false);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(written);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
