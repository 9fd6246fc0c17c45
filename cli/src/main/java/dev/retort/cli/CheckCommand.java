package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.ExcludePatterns;
import dev.retort.autogenerate.OpText;
import dev.retort.cli.config.Settings;
import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.Safety;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.Plan;
import dev.retort.entities.EntityInventory;
import dev.retort.lint.Finding;
import dev.retort.lint.Severity;
import dev.retort.mariadb.MariaDbSql;
import dev.retort.postgres.PostgresSql;
import dev.retort.report.JsonReport;
import dev.retort.runtime.ConnectionException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort check}: does the database at head match the entities? */
@Command(
        name = "check",
        description = "Compare the entities with the database at head: exit 0 when they match, "
                + "1 when a new migration is needed (the operations are printed), 2 on error.")
final class CheckCommand extends ReportingSubcommand {
    @Option(
            names = {"-v", "--verbose"},
            description = "Also say which Hibernate read the entities, how many entity classes were found, the naming "
                    + "strategies and which objects are left alone.")
    boolean verbose;

    @Option(
            names = "--dev",
            description = "Compare with the schema the migrations build (all heads) on a scratch database on dev.url's "
                    + "server, created and dropped for this run; the default when no url is configured.")
    boolean dev;

    @Option(
            names = "--json-report",
            paramLabel = "FILE",
            description =
                    "Also write the --format json document to FILE (its folders created), whatever --format says: "
                            + "a build keeps the report and shows the text.")
    Path jsonReport;

    @Override
    public Integer call() throws Exception {
        boolean json = json();
        Project project = root.project();
        Plan plan = project.autogenerate(dev, "check");
        List<Finding> lint = dev ? pendingLint(project) : List.of();
        // after the read, not beside it: the JDK shares an open jar among class loaders, and closing
        // the inventory's loader while the early read still reads the same jar broke that read
        if (verbose) describe(project.settings(), EntityInventory.of(project.entitySource()));
        if (jsonReport != null) writeReport("--json-report", jsonReport, out -> document(out, project, plan, lint));
        boolean lintErrors = lint.stream().anyMatch(f -> !f.isSuppressed() && f.severity() == Severity.ERROR);
        if (json) {
            document(root.out(), project, plan, lint);
            return plan.isEmpty() && !lintErrors ? ExitCode.OK : ExitCode.FOUND;
        }
        int code = list(root.out(), plan, project.hazards());
        List<Finding> reported = lint.stream().filter(f -> !f.isSuppressed()).toList();
        if (!reported.isEmpty()) {
            root.out().println("Lint of the pending migrations:");
            for (Finding finding : reported) root.out().println("  " + LintCommand.line(finding));
        }
        return lintErrors ? ExitCode.FOUND : code;
    }

    /**
     * The lint of the migrations not applied at {@code url}; when that database cannot be reached, none, and a note on
     * stderr saying so ({@code check --dev} compares on the scratch database, which it did before it linted).
     */
    private List<Finding> pendingLint(Project project) throws SQLException {
        try {
            return project.pendingLint();
        } catch (ConnectionException e) {
            root.err()
                    .println(
                            Terminal.safe("note: the migrations not applied at url are not linted: " + e.getMessage()));
            return List.of();
        }
    }

    /** The check document: the plan, and the blocks a migration generated under the configured safety would run. */
    private static void document(Writer out, Project project, Plan plan, List<Finding> lint) {
        Safety safety = project.safety(plan);
        boolean mariaDb = project.settings().dialect() == Dialect.MARIADB;
        JsonReport.check(
                out,
                plan,
                // without url (on dev.url's scratch database alone) no database names the objects
                mariaDb
                        ? project.settings().hasUrl()
                                ? mariaDbDatabase(project.settings().url())
                                : null
                        : project.settings().defaultSchema(),
                lint,
                safety.word(),
                MigrationWriter.upgradeBlocks(plan, safety),
                mariaDb ? MariaDbSql.DIALECT : PostgresSql.DIALECT,
                project.hazards());
    }

    /** The database a MariaDB URL names ({@code jdbc:mariadb://host/shop?...} names {@code shop}), else null. */
    static String mariaDbDatabase(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        if (slash < 0) return null;
        String database = rest.substring(slash + 1).replaceFirst("[?;].*", "");
        return database.isEmpty() ? null : database;
    }

    /** Prints a plan as {@code check} does, its hazards as {@code hazards} judges them; returns {@code check}'s exit code. */
    static int list(PrintWriter out, Plan plan, HazardPolicy hazards) {
        if (plan.isEmpty()) {
            out.println("No new upgrade operations detected.");
            return ExitCode.OK;
        }
        out.println("New upgrade operations detected:");
        for (String line : OpText.listing(plan, hazards)) out.println(Terminal.safe(line));
        return ExitCode.FOUND;
    }

    /**
     * What {@code -v} prints before the operations: the entities' reader and naming, and what is left alone; on stderr
     * with {@code --format json}.
     */
    private void describe(Settings settings, EntityInventory inventory) {
        root.notes()
                .println("Entities read by Hibernate ORM "
                        + Terminal.safe(inventory.hibernate().describe())
                        + ": " + inventory.entityClasses() + " entity classes, "
                        + inventory.mappedClasses().size() + " mapped classes in all");
        root.notes()
                .println("Naming: physical " + Terminal.safe(inventory.physicalNaming()) + ", implicit "
                        + Terminal.safe(inventory.implicitNaming()));
        for (String note : settings.springConfigNotes()) root.notes().println(Terminal.safe(note));
        String toolTables = String.join(", ", Autogenerate.TOOL_TABLES);
        root.notes()
                .println(
                        settings.excludeToolTables()
                                ? "Left alone: Flyway's and Liquibase's tables (" + toolTables
                                        + "); compare.exclude-tool-tables = false compares them"
                                : "Compared: Flyway's and Liquibase's tables (" + toolTables
                                        + "), as compare.exclude-tool-tables = false asks");
        ExcludePatterns excluded = settings.objectExclusions();
        if (!excluded.entries().isEmpty())
            root.notes().println("Left alone (compare.exclude): " + Terminal.safe(excluded.toString()));
    }
}
