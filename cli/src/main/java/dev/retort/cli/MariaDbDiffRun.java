package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.SqlDialect;
import dev.retort.autogenerate.OpText;
import dev.retort.diff.Differ;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.Plan;
import dev.retort.mariadb.MariaDbCatalog;
import dev.retort.mariadb.MariaDbDiff;
import dev.retort.mariadb.MariaDbHazards;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.mariadb.MariaDbServer;
import dev.retort.mariadb.MariaDbSql;
import dev.retort.mariadb.MySqlExistence;
import dev.retort.op.ColumnChange;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.report.JsonReport;
import dev.retort.runtime.ConnectionException;
import dev.retort.runtime.internal.HistoryTable;
import dev.retort.runtime.internal.Redaction;
import dev.retort.runtime.internal.UrlConnector;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableFilter;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code retort diff} between two MariaDB databases: both catalogs read by {@link MariaDbIntrospector}
 * (at the same time), compared by {@link MariaDbDiff}, listed as {@code diff} lists PostgreSQL's
 * operations, then the changes to what only MariaDB keeps; {@code --sql} prints the script {@link MariaDbSql}
 * renders (no transaction around it: MariaDB commits each DDL statement), {@code --format json} the {@code diff}
 * document with MariaDB's SQL and the details' changes.
 */
final class MariaDbDiffRun {
    private final String from;
    private final String to;
    private final String user;
    private final String password;
    private final Duration timeout;

    MariaDbDiffRun(String from, String to, String user, String password, Duration timeout) {
        this.from = from;
        this.to = to;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    /** Refuses what a MariaDB diff cannot do, before connecting. */
    static void refuseUnsupported(String from, String to, boolean schemas) {
        if (Dialect.ofUrl(from) != Dialect.ofUrl(to))
            throw new RetortException("diff compares two databases of one kind: --from is " + Dialect.ofUrl(from)
                    + " and --to is " + Dialect.ofUrl(to));
        if (schemas)
            throw new RetortException(
                    "diff --schema/--exclude-schema: a MariaDB URL names its one database; compare another with another URL");
    }

    /** Lists, prints the script of ({@code sql}) or reports ({@code json}) the difference. */
    int run(PrintWriter out, TableFilter tables, boolean sql, boolean json) {
        VersionTable versions = new VersionTable(null);
        Set<QualifiedName> leftOut =
                Set.of(QualifiedName.of(versions.name()), QualifiedName.of(new HistoryTable(versions).name()));
        try (Connection source = connect(from);
                Connection target = connect(to)) {
            CompletableFuture<MariaDbCatalog> targetCatalog =
                    CompletableFuture.supplyAsync(() -> MariaDbIntrospector.read(target));
            MariaDbCatalog sourceCatalog = MariaDbIntrospector.read(source);
            MariaDbServer.Kind server = MariaDbServer.kind(source);
            MariaDbDiff diff = MariaDbDiff.of(
                    sourceCatalog, Project.join(targetCatalog), tables, leftOut, Differ::diff, server.mysql());
            HazardPolicy hazards = MariaDbHazards.of(server);
            if (json) {
                JsonReport.diff(
                        out,
                        diff.plan(),
                        sourceCatalog.database(),
                        diff.upgradeRenderer(),
                        hazards,
                        diff.details(),
                        diff.detailsUpgradeSql());
                return diff.isEmpty() ? ExitCode.OK : ExitCode.FOUND;
            }
            if (sql) return script(out, diff, hazards, server.mysql());
            if (diff.isEmpty()) {
                out.println("No differences.");
                return ExitCode.OK;
            }
            Plan plan = diff.plan();
            for (Op op : plan.upgrade()) {
                out.println(Terminal.safe(OpText.describe(op)));
                for (Hazard hazard : hazards.hazards(op, plan.upgrade()))
                    out.println("  " + Terminal.safe(hazard.toString()));
            }
            for (String line : diff.details()) out.println(Terminal.safe(line));
            return ExitCode.FOUND;
        } catch (SQLException e) {
            throw new RetortException("closing a MariaDB connection failed: " + e.getMessage(), e);
        }
    }

    /**
     * The script, rendered whole before a line is printed (a refused operation prints nothing but its error):
     * each table's column changes one statement with their hazards above it, then the details' changes. No
     * transaction: MariaDB commits each DDL statement, so the script says so first. For a MySQL server ({@code
     * mysql}), each statement as {@link MySqlExistence#script} writes it for MySQL.
     */
    private static int script(PrintWriter out, MariaDbDiff diff, HazardPolicy hazards, boolean mysql) {
        if (diff.isEmpty()) return ExitCode.OK;
        List<Op> upgrade = diff.plan().upgrade();
        SqlDialect renderer = diff.upgradeRenderer().within(upgrade);
        List<String> lines = new ArrayList<>();
        lines.add("-- " + (mysql ? "MySQL" : "MariaDB")
                + " commits each statement: if one fails, those above it stay applied");
        for (List<Op> run : ColumnChange.runs(upgrade)) {
            for (Op op : run)
                for (Hazard hazard : hazards.hazards(op, upgrade))
                    lines.add("-- " + renderer.comment(hazard.toString()));
            for (String statement : renderer.statements(run)) add(lines, statement, mysql);
        }
        for (String statement : diff.detailsUpgradeSql()) add(lines, statement, mysql);
        lines.forEach(out::println);
        return ExitCode.FOUND;
    }

    private static void add(List<String> lines, String statement, boolean mysql) {
        if (!mysql) {
            lines.add(statement + ";");
            return;
        }
        List<String> forMySql = MySqlExistence.script(statement);
        if (forMySql.size() > 1)
            lines.add(
                    "-- MySQL has no IF EXISTS here: the statement below is made from what its table has when it runs");
        for (String line : forMySql) lines.add(line + ";");
    }

    /**
     * A connection through the MariaDB driver, the flags' user and password winning over the URL's; a
     * {@code jdbc:mysql:} URL is read by the same driver, which wants to be told so.
     */
    private Connection connect(String url) {
        return connect(url, user, password, timeout);
    }

    /** A connection through the MariaDB driver, for any command that reads a MariaDB database. */
    static Connection connect(String url, String user, String password, Duration timeout) {
        Redaction redaction = Redaction.of(url, password);
        String target = url;
        Properties properties = new Properties();
        if (user != null) {
            target = UrlConnector.withoutParameter(target, "user");
            properties.setProperty("user", user);
        }
        if (password != null) {
            target = UrlConnector.withoutParameter(target, "password");
            properties.setProperty("password", password);
        }
        target = UrlConnector.readableByMariaDbDriver(target);
        properties.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
        try {
            return DriverManager.getConnection(target, properties);
        } catch (SQLException e) {
            String message = redaction.text(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
            throw new ConnectionException(redaction.text(url), message, redaction.exception(e));
        }
    }
}
