package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.diff.Plan;
import dev.retort.op.Op;
import dev.retort.report.JsonReport;
import dev.retort.revision.Targets;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
        if (project.settings().dialect() == Dialect.MARIADB)
            throw new RetortException("drift: not on MariaDB yet (issue 18); compare a MariaDB database with another"
                    + " by 'retort diff --from URL --to URL'");
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
            String revisions = current.isEmpty() ? Targets.BASE : String.join(", ", current);
            if (drift.isEmpty()) {
                root.out().println("No drift detected: the database is as its revisions (" + revisions + ") make it.");
                return ExitCode.OK;
            }
            root.out()
                    .println("Drift detected: the database differs from what its revisions (" + revisions
                            + ") make, by:");
            // what was done by hand, not what a migration would do: no hazards
            for (Op op : drift.upgrade()) root.out().println("  " + Terminal.safe(OpText.describe(op)));
            return ExitCode.FOUND;
        }
    }
}
