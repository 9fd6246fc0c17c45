package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.cli.config.Settings;
import dev.retort.diff.Plan;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.report.JsonReport;
import dev.retort.runtime.internal.HistoryTable;
import dev.retort.runtime.internal.UrlConnector;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.TableFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort diff --from URL --to URL}: what turns one database into another, like migra or atlas schema diff. */
@Command(
        name = "diff",
        description =
                "Print the operations that turn the --from database into the --to database: exit 0 when equal, "
                        + "1 when different, 2 on error; --sql prints only the SQL script, for psql. Needs no configuration file.")
final class DiffCommand extends ReportingSubcommand {
    private static final String DEFAULT_SCHEMA = "public";

    @Option(names = "--from", required = true, paramLabel = "URL", description = "JDBC URL of the database to change.")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "URL",
            description = "JDBC URL of the database to make it like.")
    String to;

    @Option(
            names = "--schema",
            paramLabel = "S",
            description = "Compare only these schemas (default: every schema but the system ones).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "S", description = "Leave these schemas out.")
    List<String> excludedSchemas = new ArrayList<>();

    @Option(
            names = "--include-table",
            paramLabel = "GLOB",
            description = "Compare only tables matching (name, or schema.name outside public; * for any run).")
    List<String> includedTables = new ArrayList<>();

    @Option(names = "--exclude-table", paramLabel = "GLOB", description = "Leave out tables matching.")
    List<String> excludedTables = new ArrayList<>();

    @Option(names = "--sql", description = "Print only the SQL script.")
    boolean sql;

    @Override
    public Integer call() throws Exception {
        root.connectsTo(from);
        root.connectsTo(to);
        boolean json = json();
        if (json && sql) throw new OptionException("--format", format, "--format json and --sql: choose one");
        Duration timeout = root.project().settings().connectTimeout();
        if (Dialect.ofUrl(from) == Dialect.MARIADB || Dialect.ofUrl(to) == Dialect.MARIADB) {
            MariaDbDiffRun.refuseUnsupported(from, to, !schemas.isEmpty() || !excludedSchemas.isEmpty());
            return new MariaDbDiffRun(from, to, root.user, root.password, timeout)
                    .run(root.out(), new TableFilter(includedTables, excludedTables), sql, json);
        }
        try (Connection source = connect(from, timeout);
                Connection target = connect(to, timeout)) {
            Autogenerate autogenerate = autogenerate(source, target);
            // the two databases are read at the same time, the target's on a thread of its own
            CompletableFuture<Schema> targetSchema =
                    CompletableFuture.supplyAsync(() -> autogenerate.readDatabase(target));
            Schema sourceSchema = autogenerate.readDatabase(source);
            Plan plan = autogenerate.withCasts(source, autogenerate.diff(sourceSchema, Project.join(targetSchema)));
            if (json) {
                JsonReport.diff(root.out(), plan, DEFAULT_SCHEMA);
                return plan.isEmpty() ? ExitCode.OK : ExitCode.FOUND;
            }
            if (sql) {
                if (plan.isEmpty()) return ExitCode.OK;
                refuseUnwrittenConversions(plan);
                root.out().println("BEGIN;");
                // a table's column changes are one statement, their hazards above it
                List<List<Op>> runs = ColumnChange.runs(plan.upgrade());
                for (int i = 0; i < runs.size(); i++) {
                    List<Op> run = runs.get(i);
                    for (Op op : run)
                        for (Hazard hazard : Plan.hazards(op, plan.upgrade()))
                            root.out().println("-- " + PostgresSql.comment(hazard.toString()));
                    for (String statement : PostgresSql.statements(run))
                        root.out().println(statement + ";");
                    // enum labels just added can be used only once committed
                    if (run.stream().anyMatch(PostgresSql::commitBeforeUse) && i + 1 < runs.size()) {
                        root.out().println("COMMIT;");
                        root.out().println("BEGIN;");
                    }
                }
                root.out().println("COMMIT;");
                return ExitCode.FOUND;
            }
            if (plan.isEmpty()) {
                root.out().println("No differences.");
                return ExitCode.OK;
            }
            for (Op op : plan.upgrade()) {
                root.out().println(Terminal.safe(OpText.describe(op)));
                for (Hazard hazard : Plan.hazards(op, plan.upgrade()))
                    root.out().println("  " + Terminal.safe(hazard.toString()));
            }
            return ExitCode.FOUND;
        }
    }

    /**
     * A script must not hold a type change PostgreSQL has no cast for: its {@code USING} is a
     * person's to write, in a migration, and a script without it would fail where it is run.
     */
    private static void refuseUnwrittenConversions(Plan plan) {
        for (Op op : plan.upgrade()) {
            if (op instanceof AlterColumn a && a.using() != null && a.using().toBeWritten())
                throw new RetortException("column " + a.table() + "." + a.columnName() + ": type "
                        + a.from().type()
                        + " -> " + a.to().type() + " has no cast PostgreSQL can apply, and diff --sql does not guess"
                        + " its USING expression: write it in a migration (revision --autogenerate marks it)");
        }
    }

    /**
     * The pipeline over the schemas asked for, or every non-system schema of either database (public the
     * default one), and the tables asked for, without Retort's own.
     */
    private Autogenerate autogenerate(Connection source, Connection target) throws SQLException {
        Set<String> names = new TreeSet<>(schemas);
        if (names.isEmpty()) {
            names.addAll(userSchemas(source));
            names.addAll(userSchemas(target));
        }
        names.removeAll(excludedSchemas);
        if (names.isEmpty()) throw new RetortException("no schemas left to compare");
        List<String> ordered = new ArrayList<>();
        if (names.remove(DEFAULT_SCHEMA)) ordered.add(DEFAULT_SCHEMA);
        ordered.addAll(names);
        VersionTable versions = new VersionTable(null);
        Settings settings = root.project().settings();
        return Autogenerate.configure()
                .schemas(ordered)
                .defaultSchema(DEFAULT_SCHEMA)
                .leaveOut(
                        Set.of(QualifiedName.of(versions.name()), QualifiedName.of(new HistoryTable(versions).name())))
                .tables(new TableFilter(includedTables, excludedTables))
                .objectFilter(settings.objectExclusions())
                .excludeToolTables(settings.excludeToolTables())
                .load();
    }

    private static List<String> userSchemas(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') "
                                + "AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'")) {
            while (rs.next()) names.add(rs.getString("nspname"));
        }
        return names;
    }

    /** Connects with the flags' user and password, and the configured connect timeout (a configuration file is optional). */
    private Connection connect(String url, Duration timeout) {
        return new UrlConnector(url, root.user, root.password, timeout).open();
    }
}
