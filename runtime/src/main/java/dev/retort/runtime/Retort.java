package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.internal.MigrationSet;
import dev.retort.runtime.internal.MigrationTimeouts;
import dev.retort.runtime.internal.Migrator;
import dev.retort.runtime.internal.Session;
import dev.retort.runtime.internal.StairwayWalk;
import dev.retort.runtime.internal.UrlConnector;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.runtime.internal.source.SourceMigrations;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs migrations from inside an application, Flyway-style: configure, load, then call a verb that
 * returns a result value.
 *
 * <pre>{@code
 * Retort retort = Retort.configure()
 *         .dataSource(dataSource)
 *         .migrationsPackage("com.example.migrations")
 *         .load();
 * if (Boolean.parseBoolean(System.getenv("AUTO_MIGRATE"))) retort.upgrade("head");
 * }</pre>
 *
 * <p>Each verb that reads or changes the database opens its own connection and closes it; the
 * advisory lock makes concurrent replicas take turns, and the ones that come second find nothing
 * left to do. {@link #revisions()} and the offline scripts need no connection, and are all a Retort
 * configured {@link Builder#offline() offline} does.
 */
public final class Retort {
    /** The longest lock timeout: PostgreSQL's {@code lock_timeout} takes at most {@code INT_MAX} milliseconds, about 24 days. */
    public static final Duration MAX_LOCK_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /** Null when offline. */
    private final Session session;

    private final CompletableFuture<Migrator> migrator;

    /** The configured schemas, the default one first; empty for {@code public}. */
    private final List<String> schemas;

    private Retort(Session session, CompletableFuture<Migrator> migrator, List<String> schemas) {
        this.session = session;
        this.migrator = migrator;
        this.schemas = List.copyOf(schemas);
    }

    public static Builder configure() {
        return new Builder();
    }

    /** Applies migrations up to {@code target} ({@code head}, a revision, {@code +N}, ...). */
    public RunResult upgrade(String target) {
        return connected(c -> migrator().upgrade(c, target));
    }

    /** Undoes migrations down to {@code target} ({@code -N}, a revision, {@code base}). */
    public RunResult downgrade(String target) {
        return connected(c -> migrator().downgrade(c, target));
    }

    /**
     * Sets the version table to the given revisions ({@code base} for none, {@code heads} for all)
     * without running any migration; {@code purge} first empties it, even of revisions no migration declares.
     */
    public RunResult stamp(List<String> revisions, boolean purge) {
        return connected(c -> migrator().stamp(c, revisions, purge));
    }

    /** The revisions the database is at; empty at base. A version table that holds a revision with its ancestor is refused. */
    public Set<String> current() {
        return connected(c -> migrator().current(c));
    }

    /** Where the version table is, as SQL ({@code "schema"."name"}): the configured one, or the one found in another schema. */
    public String versionTable() {
        return connected(c -> migrator().versionTable(c).qualified());
    }

    /** Every recorded run, oldest first. */
    public List<HistoryEntry> history() {
        return connected(c -> migrator().history(c));
    }

    /**
     * On a database without transactional DDL (MariaDB), the migration that stopped halfway, with the statements
     * of it that ran; empty when there is none, and always on PostgreSQL.
     */
    public Optional<PartialRun> partialRun() {
        return connected(c -> migrator().partialRun(c));
    }

    /** The migrations {@code upgrade("heads")} would apply; empty when the database is up to date. */
    public List<RevisionNode> pending() {
        return connected(c -> migrator().pending(c));
    }

    /** Edited, missing, unknown, inconsistent and unverifiable applied revisions. */
    public Validation validate() {
        return connected(c -> migrator().validate(c));
    }

    /** Records that an applied revision's current content is accepted, so that its edit no longer stops runs. */
    public void accept(String revision) {
        connected(c -> {
            migrator().accept(c, revision);
            return null;
        });
    }

    /**
     * The stairway, on a database at base that may be changed freely (a new, empty one): each revision
     * in order is upgraded, downgraded (the schemas, as Retort's catalog reader reads them, must then
     * equal those before its upgrade, as its differ compares them) and upgraded again (they must then
     * equal those after its first upgrade). A forward-only revision is applied and not walked back. The
     * walk stops at the first step that fails, leaving the database there; a database not at base is
     * refused with a {@link MigrationException}.
     */
    public StairwayResult stairway() {
        return stairway(null, null);
    }

    /**
     * The stairway over part of the history: the revisions from {@code from} (it and what comes after it;
     * null: from base) to {@code to} (it and what it needs; null: to the heads), each a revision, a unique
     * prefix or a label as {@link #upgrade} takes. What a walked revision needs from before the range is
     * upgraded to first, and not walked.
     */
    public StairwayResult stairway(String from, String to) {
        if (session == null) throw new IllegalStateException("configured offline: no dataSource or url to connect to");
        RevisionGraph graph = revisions();
        String first = from == null ? null : graph.resolve(from);
        String last = to == null ? null : graph.resolve(to);
        return new StairwayWalk(session, migrator(), schemas, first, last).walk();
    }

    /** The migrations' revision graph: heads, branches, each revision's parents and message. Needs no connection. */
    public RevisionGraph revisions() {
        return migrator().migrations().graph();
    }

    /**
     * The SQL script, for {@code psql -v ON_ERROR_STOP=1}, of an upgrade from the {@code from} heads
     * (empty for base) to {@code target}. Needs no connection: each block checks the version table first.
     */
    public String upgradeScript(Set<String> from, String target) {
        return offline(() -> migrator().upgradeScript(from, target));
    }

    /** The SQL script of a downgrade from the {@code from} heads to {@code target}; needs no connection. */
    public String downgradeScript(Set<String> from, String target) {
        return offline(() -> migrator().downgradeScript(from, target));
    }

    /** The SQL script that stamps an existing database to the given revisions; needs no connection. */
    public String stampScript(List<String> revisions) {
        return offline(() -> migrator().stampScript(revisions));
    }

    private <T> T connected(Session.Work<T> work) {
        if (session == null) throw new IllegalStateException("configured offline: no dataSource or url to connect to");
        return session.run(work);
    }

    private interface ScriptWork {
        String write() throws SQLException;
    }

    private static String offline(ScriptWork script) {
        try {
            return script.write();
        } catch (SQLException e) {
            throw new IllegalStateException("an offline script runs no statement", e);
        }
    }

    /** The runner, once its migrations are loaded; what failed in loading them is thrown here, as it was. */
    private Migrator migrator() {
        try {
            return migrator.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    /** Collects the configuration; {@link #load()} checks it and loads the migrations. */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private boolean offline;
        private Duration connectTimeout = UrlConnector.DEFAULT_TIMEOUT;
        private Dialect dialect = Dialect.POSTGRESQL;
        private boolean mysqlScripts;
        private String migrationsPackage;
        private ClassLoader classLoader;
        private Path migrationsDirectory;
        private Path compileCache;
        private final List<Class<?>> migrationClasses = new ArrayList<>();
        private boolean inBackground;
        private String versionTable = VersionTable.DEFAULT_NAME;
        private String versionSchema;
        private final List<String> schemas = new ArrayList<>();
        private Migrator.Options options = Migrator.Options.DEFAULTS;
        private MigrationListener listener = new MigrationListener() {};

        private Builder() {}

        /**
         * Connections from the application's pool. The pool decides how long connecting may take and
         * whether TCP keepalive is on (with the PostgreSQL driver: {@code loginTimeout}, {@code tcpKeepAlive});
         * a connection handed out with autocommit off is switched to autocommit for each verb and back.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = requireNonNull(dataSource, "dataSource");
            this.url = null;
            this.offline = false;
            return this;
        }

        /**
         * Connects through the PostgreSQL driver; user and password may be null (then the URL's are used).
         * Connecting gives up after {@link #connectTimeout}, with TCP keepalive on; errors never show the password.
         */
        public Builder url(String url, String user, String password) {
            this.url = requireNonNull(url, "url");
            this.dialect = Dialect.ofUrl(url);
            this.mysqlScripts = url.startsWith("jdbc:mysql:");
            this.user = user;
            this.password = password;
            this.offline = false;
            return this;
        }

        /**
         * No database: only {@link Retort#revisions()} and the offline scripts, for a build step that
         * writes SQL for someone else to apply; the verbs that connect throw IllegalStateException.
         */
        public Builder offline() {
            this.dataSource = null;
            this.url = null;
            this.offline = true;
            return this;
        }

        /** How long connecting through {@link #url} may take (default 30 s); a DataSource sets its own. */
        /**
         * The database offline scripts are written for ({@code url} sets it from its scheme); online, each
         * connection's own (a DataSource's by its metadata).
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Offline scripts written for MySQL, the MariaDB dialect's other server (MariaDB's are not MySQL's: their
         * blocks are {@code BEGIN NOT ATOMIC}, which MySQL runs only in a stored procedure); a {@code jdbc:mysql:}
         * {@link #url} sets it. Online, the server says which it is.
         */
        public Builder mysqlScripts() {
            this.dialect = Dialect.MARIADB;
            this.mysqlScripts = true;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requireNonNull(timeout, "timeout");
            return this;
        }

        /** Migrations compiled into the application, found in this package (sub-packages included). */
        public Builder migrationsPackage(String packageName) {
            this.migrationsPackage = requireNonNull(packageName, "packageName");
            return this;
        }

        /** The class loader to find the migrations package with; default: this thread's context loader. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = requireNonNull(loader, "loader");
            return this;
        }

        /** Migrations as {@code .java} files in a folder, compiled with the JDK's compiler (needs a JDK). */
        public Builder migrationsDirectory(Path directory) {
            this.migrationsDirectory = requireNonNull(directory, "directory");
            return this;
        }

        /** Where source-mode compilations are cached; default: none. */
        public Builder compileCache(Path directory) {
            this.compileCache = directory;
            return this;
        }

        /** Migration classes given one by one. */
        public Builder migrations(Class<?>... classes) {
            migrationClasses.addAll(List.of(classes));
            return this;
        }

        /**
         * Loads the migrations on another thread from {@link #load()} on, so that compiling them
         * overlaps connecting; what fails in loading them is thrown by the first verb that needs
         * them, once it has connected.
         */
        public Builder loadInBackground() {
            this.inBackground = true;
            return this;
        }

        public Builder versionTable(String name) {
            this.versionTable = requireNonNull(name, "name");
            return this;
        }

        /**
         * The application's schemas, the first the default one: unqualified names in migrations
         * resolve to it (it comes first on the search path while Retort runs, and in offline
         * scripts), and the version table lives in it unless {@link #versionSchema} says otherwise.
         * Default: {@code public}. On MariaDB the URL's database is the one schema: any other is refused
         * (by {@link #load()}, or for a DataSource by the first verb).
         */
        public Builder schemas(String... names) {
            schemas.clear();
            for (String name : names) {
                if (requireNonNull(name, "schema").isBlank()) throw new IllegalArgumentException("blank schema name");
                schemas.add(name);
            }
            return this;
        }

        /** The schema of the version table and its history; default: the first of {@link #schemas}, else {@code public}. */
        public Builder versionSchema(String schema) {
            this.versionSchema = requireNonNull(schema, "schema");
            return this;
        }

        /** One transaction per migration (the default), or one for the whole run. */
        public Builder transactionPerMigration(boolean perMigration) {
            this.options =
                    new Migrator.Options(perMigration, options.lockTimeout(), options.timeZone(), options.timeouts());
            return this;
        }

        /** How long to wait for another runner's lock before failing: 0 to {@link #MAX_LOCK_TIMEOUT}, else IllegalArgumentException. */
        public Builder lockTimeout(Duration timeout) {
            this.options = new Migrator.Options(
                    options.transactionPerMigration(),
                    requireNonNull(timeout, "timeout"),
                    options.timeZone(),
                    options.timeouts());
            return this;
        }

        /**
         * The session time zone migrations run in, online and in offline scripts, so that converting
         * between {@code timestamp} and {@code timestamptz} reads the values in it whatever the JVM's
         * zone: {@code UTC} (the default) or an IANA name, else IllegalArgumentException.
         */
        public Builder timeZone(String zone) {
            this.options = new Migrator.Options(
                    options.transactionPerMigration(),
                    options.lockTimeout(),
                    requireNonNull(zone, "zone"),
                    options.timeouts());
            return this;
        }

        /**
         * How long each migration statement may wait for a lock on what it changes (PostgreSQL's
         * {@code lock_timeout}, set per migration): default 5 s, 0 for ever, at most {@link #MAX_LOCK_TIMEOUT},
         * else IllegalArgumentException. A blocked statement fails fast instead of queueing every query on
         * the table behind it; a migration's {@link Timeouts @Timeouts} overrides it.
         */
        public Builder ddlTimeout(Duration timeout) {
            return timeouts(new MigrationTimeouts(
                    requireNonNull(timeout, "timeout"), options.timeouts().statement()));
        }

        /**
         * How long each migration statement may run (PostgreSQL's {@code statement_timeout}, set per
         * migration): 0 for ever, null (the default) for the session's own setting, at most
         * {@link #MAX_LOCK_TIMEOUT}; a migration's {@link Timeouts @Timeouts} overrides it.
         */
        public Builder statementTimeout(Duration timeout) {
            return timeouts(new MigrationTimeouts(options.timeouts().ddl(), timeout));
        }

        private Builder timeouts(MigrationTimeouts timeouts) {
            this.options = new Migrator.Options(
                    options.transactionPerMigration(), options.lockTimeout(), options.timeZone(), timeouts);
            return this;
        }

        /** Told of each migration as it starts and of a wait for another runner's lock, for progress output. */
        public Builder listener(MigrationListener progress) {
            this.listener = requireNonNull(progress, "progress");
            return this;
        }

        public Retort load() {
            Session.requireSchemas(dialect, schemas);
            String defaultSchema = schemas.isEmpty() ? VersionTable.DEFAULT_SCHEMA : schemas.get(0);
            Session session = session();
            if (session == null && !offline) throw new IllegalStateException("configure a dataSource or a url");
            Supplier<MigrationSet> migrations = migrations();
            VersionTable versions =
                    new VersionTable(versionSchema != null ? versionSchema : defaultSchema, versionTable, schemas);
            Dialect scripts = dialect;
            boolean forMySql = mysqlScripts;
            Supplier<Migrator> runner =
                    () -> new Migrator(migrations.get(), versions, defaultSchema, options, listener, scripts, forMySql);
            CompletableFuture<Migrator> migrator = inBackground
                    ? CompletableFuture.supplyAsync(runner)
                    : CompletableFuture.completedFuture(runner.get());
            return new Retort(session, migrator, schemas);
        }

        private Session session() {
            if (url != null) return Session.of(new UrlConnector(url, user, password, connectTimeout), schemas);
            return dataSource == null ? null : Session.of(dataSource, schemas);
        }

        /** Loads the configured migrations when called; the choice of where from is checked at once. */
        private Supplier<MigrationSet> migrations() {
            int sources = (migrationsPackage != null ? 1 : 0)
                    + (migrationsDirectory != null ? 1 : 0)
                    + (migrationClasses.isEmpty() ? 0 : 1);
            if (sources != 1) {
                throw new IllegalStateException(
                        "configure exactly one of migrationsPackage, migrationsDirectory or migrations");
            }
            Path directory = migrationsDirectory;
            Path cache = compileCache;
            if (directory != null) return () -> SourceMigrations.load(directory, cache);
            List<Class<?>> classes = List.copyOf(migrationClasses);
            if (!classes.isEmpty()) return () -> MigrationSet.of(classes, Class::getName);
            String packageName = migrationsPackage;
            ClassLoader loader =
                    classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            return () -> MigrationSet.inPackage(loader, packageName);
        }
    }
}
