package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.cli.config.Settings;
import dev.retort.diff.Plan;
import dev.retort.mariadb.MariaDbCatalog;
import dev.retort.mariadb.MariaDbDiff;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.mariadb.MariaDbServer;
import dev.retort.mariadb.MariaDbVersions;
import dev.retort.op.Op;
import dev.retort.report.JsonReport;
import dev.retort.revision.Targets;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.schema.Schema;
import dev.retort.schema.TableFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;

/** {@code retort drift}: has someone changed the database by hand since its migrations ran? */
@Command(
        name = "drift",
        description = "Compare the database at url with the schema its current revisions produce (the migrations"
                + " replayed on a scratch database on dev.url's server, to the revisions its version table holds):"
                + " exit 0 when they match, 1 when the database was changed by hand (the changes are listed), 2 on"
                + " error.")
final class DriftCommand extends ReportingSubcommand {
    @Override
    public Integer call() throws Exception {
        boolean json = json();
        Project project = root.project();
        if (project.settings().dialect() == Dialect.MARIADB) return mariaDb(project, json);
        try (Connection live = project.connect()) {
            VersionTable at = project.versionTable().locate(live);
            Set<String> current = new TreeSet<>(at.readHere(live));
            for (String id : current) project.graph().node(id);
            Autogenerate autogenerate = project.autogenerate(at);
            Schema actual = autogenerate.readDatabase(live);
            Schema expected;
            try (ScratchDatabase scratch =
                    project.scratch(Optional.of(live.getMetaData().getDatabaseMajorVersion()))) {
                project.upgradeScratch(scratch, List.copyOf(current));
                try (Connection connection = project.connectScratch(scratch)) {
                    expected = autogenerate.readDatabase(connection);
                }
            }
            Plan drift = autogenerate.diff(expected, actual);
            if (json) {
                JsonReport.drift(root.out(), current, drift, project.settings().defaultSchema());
                return drift.isEmpty() ? ExitCode.OK : ExitCode.FOUND;
            }
            return print(current, drift, List.of());
        }
    }

    /**
     * On MariaDB: the live catalog read by {@link MariaDbIntrospector} while the migrations replay on a scratch
     * database on {@code dev.url}'s MariaDB server, the two compared by {@link MariaDbDiff} through the same
     * pipeline's filters and hooks, so that what only MariaDB keeps (engine, charset, {@code ON UPDATE}, virtual
     * columns, prefix lengths) is compared too, and listed after the operations.
     */
    private int mariaDb(Project project, boolean json) throws SQLException {
        Settings settings = project.settings();
        try (Connection live = project.connectMariaDb()) {
            Set<String> current = new TreeSet<>(MariaDbVersions.applied(live, settings.versionTable()));
            for (String id : current) project.graph().node(id);
            Autogenerate autogenerate = project.mariaDbAutogenerate();
            CompletableFuture<MariaDbCatalog> actual =
                    CompletableFuture.supplyAsync(() -> filtered(autogenerate, MariaDbIntrospector.read(live)));
            MariaDbCatalog expected;
            try (ScratchDatabase scratch = project.scratch()) {
                project.upgradeScratch(scratch, List.copyOf(current));
                try (Connection connection = project.connectScratch(scratch)) {
                    expected = filtered(autogenerate, MariaDbIntrospector.read(connection));
                }
            }
            MariaDbCatalog database = Project.join(actual);
            MariaDbDiff drift = MariaDbDiff.of(
                    expected, database, TableFilter.ALL, Set.of(), autogenerate::diff, MariaDbServer.isMySql(live));
            if (json) {
                JsonReport.drift(
                        root.out(),
                        current,
                        drift.plan(),
                        database.database(),
                        drift.upgradeRenderer(),
                        drift.details());
                return drift.isEmpty() ? ExitCode.OK : ExitCode.FOUND;
            }
            return print(current, drift.plan(), drift.details());
        }
    }

    /** A catalog with only what the pipeline compares: its tables and objects filtered, Retort's own tables left out. */
    private static MariaDbCatalog filtered(Autogenerate autogenerate, MariaDbCatalog catalog) {
        return new MariaDbCatalog(catalog.database(), autogenerate.filterDatabase(catalog.schema()), catalog.details());
    }

    /** The verdict, and what was changed by hand: the operations, then the changes to what only MariaDB keeps. */
    private int print(Set<String> current, Plan drift, List<String> details) {
        String revisions = current.isEmpty() ? Targets.BASE : String.join(", ", current);
        if (drift.isEmpty() && details.isEmpty()) {
            root.out().println("No drift detected: the database is as its revisions (" + revisions + ") make it.");
            return ExitCode.OK;
        }
        root.out()
                .println("Drift detected: the database differs from what its revisions (" + revisions + ") make, by:");
        // what was done by hand, not what a migration would do: no hazards
        for (Op op : drift.upgrade()) root.out().println("  " + Terminal.safe(OpText.describe(op)));
        for (String line : details) root.out().println("  " + Terminal.safe(line));
        return ExitCode.FOUND;
    }
}
