package dev.retort.cli;

import com.palantir.javapoet.JavaFile;
import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.cli.config.CacheDirectory;
import dev.retort.cli.config.Settings;
import dev.retort.cli.startup.EarlyEntityRead;
import dev.retort.codegen.ExpandContractWriter;
import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.codegen.Safety;
import dev.retort.diff.ColumnComparison;
import dev.retort.diff.ExpandContract;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.Plan;
import dev.retort.embedded.EmbeddedSettings;
import dev.retort.entities.EntitySource;
import dev.retort.lint.Finding;
import dev.retort.lint.Linter;
import dev.retort.mariadb.MariaDbHazards;
import dev.retort.mariadb.MariaDbServer;
import dev.retort.mariadb.MariaDbVersions;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionIds;
import dev.retort.revision.RevisionNode;
import dev.retort.revision.Targets;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Retort;
import dev.retort.runtime.internal.HistoryTable;
import dev.retort.runtime.internal.MigrationSet;
import dev.retort.runtime.internal.UrlConnector;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.runtime.internal.source.SourceMigrations;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One invocation's view of the project: its settings and the things built from them on demand. */
final class Project {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Settings settings;
    private final Map<String, String> environment;
    /** The runtime facade this command built; its migrations are loaded once. */
    private Retort facade;

    private CompletableFuture<Schema> model;

    Project(Settings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    Settings settings() {
        return settings;
    }

    /**
     * Connects with the configured URL, user, password and connect timeout; errors never show the
     * password (see {@link UrlConnector}).
     */
    Connection connect() {
        Connection connection = connector().open();
        useDefaultSchema(connection);
        return connection;
    }

    UrlConnector connector() {
        return new UrlConnector(
                settings.url(),
                settings.user().orElse(null),
                settings.password().orElse(null),
                settings.connectTimeout());
    }

    /** Makes unqualified names in migrations resolve to the configured default schema, as the readers assume. */
    private void useDefaultSchema(Connection connection) {
        String sql = searchPathSql();
        if (sql == null) return;
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new RetortException("cannot use schema " + settings.defaultSchema() + ": " + e.getMessage(), e);
        }
    }

    /** The statement that puts the default schema first on the search path; null for {@code public}. */
    private String searchPathSql() {
        String schema = settings.defaultSchema();
        // on MariaDB the URL's database is the default schema
        return schema.equals("public") || settings.dialect() == Dialect.MARIADB
                ? null
                : "SET search_path TO " + PostgresSql.quote(schema) + ", public";
    }

    /**
     * The runtime facade for a command that connects, configured as an application configures it:
     * the URL, user, password and connect timeout, the schemas and version table, the transaction
     * mode and lock timeout, the migrations folder with the compile cache, and the listener. With
     * {@code inBackground} the migrations load while the first verb connects.
     */
    Retort retort(MigrationListener listener, boolean inBackground) {
        Retort.Builder builder = Retort.configure()
                .url(
                        settings.url(),
                        settings.user().orElse(null),
                        settings.password().orElse(null))
                .connectTimeout(settings.connectTimeout());
        facade = load(runs(builder).listener(listener), inBackground);
        return facade;
    }

    /** The runtime facade for an offline ({@code --sql}) script: configured as {@link #retort}, without a connection. */
    Retort offline() {
        Retort.Builder builder = Retort.configure().offline();
        if (settings.hasUrl()) builder.dialect(Dialect.ofUrl(settings.url()));
        // no connection: a jdbc:mysql: url says the server is MySQL, whose scripts are its own
        if (settings.hasUrl() && settings.url().startsWith("jdbc:mysql:")) builder.mysqlScripts();
        facade = load(runs(builder), false);
        return facade;
    }

    /**
     * What runs migrations, online or offline: the schemas, the version table, the transaction mode, the lock
     * timeout, the time zone, the migrations' lock and statement timeouts.
     */
    private Retort.Builder runs(Retort.Builder builder) {
        return builder.schemas(settings.schemas().toArray(String[]::new))
                .versionSchema(settings.versionSchema())
                .versionTable(settings.versionTable())
                .transactionPerMigration(settings.transactionPerMigration())
                .lockTimeout(settings.lockTimeout())
                .timeZone(settings.timeZone())
                .ddlTimeout(settings.ddlTimeout())
                .statementTimeout(settings.statementTimeout().orElse(null));
    }

    /** The configured migrations folder, compiled through the cache. */
    private Retort load(Retort.Builder builder, boolean inBackground) {
        builder.migrationsDirectory(settings.migrationsDir()).compileCache(cacheRoot());
        if (inBackground) builder.loadInBackground();
        return builder.load();
    }

    /**
     * Starts loading the migrations (compiling them when the cache is cold) in the background, for
     * a command that connects first: connecting, and the driver's first run, overlap it.
     */
    void startLoadingMigrations() {
        if (facade == null) facade = load(Retort.configure().offline(), true);
    }

    /** The migrations' revision graph, from the facade this command built, else from one that only loads them. */
    RevisionGraph graph() {
        if (facade == null) facade = load(Retort.configure().offline(), false);
        return facade.revisions();
    }

    /** The configured migrations folder loaded as the runner loads it (compiled through the cache), for lint. */
    MigrationSet migrationSet() {
        return SourceMigrations.load(settings.migrationsDir(), cacheRoot());
    }

    /**
     * The lint findings of the migrations not applied to the database at {@code url} (what {@code check} adds): none
     * without a {@code url}, since no database says what is pending ({@code retort lint} reads them all), and none when
     * it is at head, as {@code check} without {@code --dev} requires.
     */
    List<Finding> pendingLint() throws SQLException {
        if (!settings.hasUrl()) return List.of();
        Set<String> applied;
        boolean onMySql;
        try (Connection connection = connect()) {
            applied = versionTable().locate(connection).readHere(connection);
            onMySql = settings.dialect() == Dialect.MARIADB && MariaDbServer.isMySql(connection);
        }
        RevisionGraph graph = graph();
        for (String id : applied) graph.node(id);
        Set<String> done = graph.ancestorsOf(applied);
        List<String> pending = graph.inOrder().stream()
                .map(RevisionNode::id)
                .filter(id -> !done.contains(id))
                .toList();
        if (pending.isEmpty()) return List.of();
        // the server says whether the migrations run on MySQL, whatever the url's scheme
        return Linter.lint(migrationSet(), pending, settings.lintConfig().withMySql(onMySql))
                .findings();
    }

    /** A background result, or the error it ended with as if it had been computed here. */
    static <T> T join(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    /** The configured version table, in {@code version.schema}; found in another of the schemas if it is there instead. */
    VersionTable versionTable() {
        return new VersionTable(settings.versionSchema(), settings.versionTable(), settings.schemas());
    }

    /** The version table and its history, which are never compared. */
    Set<QualifiedName> ownTables() {
        return ownTables(versionTable());
    }

    private Set<QualifiedName> ownTables(VersionTable versions) {
        String schema = versions.schema().equals(settings.defaultSchema()) ? null : versions.schema();
        return Set.of(
                new QualifiedName(schema, versions.name()),
                new QualifiedName(schema, new HistoryTable(versions).name()));
    }

    /**
     * Starts reading the entity model in the background (Hibernate's boot is the longest part of
     * autogenerate), so that connecting, loading the migrations and reading the catalog overlap it:
     * the read {@link EarlyEntityRead} started for these entities, if any, else a new one. Retort's own
     * tables, should the application map them, are left out by the comparison.
     */
    /** The entity source the settings name, its archives extracted to the cache directory. */
    EntitySource entitySource() {
        return settings.entities(CacheDirectory.of(environment));
    }

    void startReadingEntities() {
        if (model != null) return;
        CompletableFuture<Schema> read;
        try {
            read = EarlyEntityRead.claim(
                    settings.entities(CacheDirectory.of(environment)), settings.defaultSchema(), settings.dialect());
        } catch (RuntimeException e) {
            read = null; // a configuration error, reported by the read below
        }
        if (read == null)
            read = CompletableFuture.supplyAsync(() -> EntityRead.read(
                    settings.entities(CacheDirectory.of(environment)), settings.defaultSchema(), settings.dialect()));
        model = read;
    }

    /**
     * The plan from the database to the entity model, after checking the database is at the head of
     * the migrations. Entities and catalog are read at the same time.
     */
    Plan autogenerate(boolean dev, String command) throws SQLException {
        if (settings.dialect() == Dialect.MARIADB) return autogenerateMariaDb(dev || !settings.hasUrl(), command);
        return comparison(dev, command).plan();
    }

    /** On PostgreSQL, as {@link #autogenerate}, with the schema read from the database (or the scratch database). */
    Autogenerate.Comparison comparison(boolean dev, String command) throws SQLException {
        startReadingEntities();
        if (dev || !settings.hasUrl()) {
            try (ScratchDatabase scratch = scratch();
                    Connection connection = connectScratch(upgradedScratch(scratch))) {
                return autogenerate(versionTable().locate(connection)).comparison(connection, model());
            }
        }
        startLoadingMigrations();
        try (Connection connection = connect()) {
            VersionTable at = versionTable().locate(connection);
            requireAtHead(at.readHere(connection), command);
            return autogenerate(at).comparison(connection, model);
        }
    }

    private ScratchDatabase upgradedScratch(ScratchDatabase scratch) {
        upgradeScratch(scratch, List.of("heads"));
        return scratch;
    }

    /**
     * The same against a MariaDB database at head, or with {@code dev} against a scratch database on {@code dev.url}'s
     * MariaDB server that the MariaDB runner upgrades to the heads: its catalog and the entities mapped for MariaDB.
     */
    private Plan autogenerateMariaDb(boolean dev, String command) throws SQLException {
        startReadingEntities();
        if (dev) {
            try (ScratchDatabase scratch = scratch()) {
                upgradeScratch(scratch, List.of("heads"));
                return compareOnScratch(scratch);
            }
        }
        startLoadingMigrations();
        try (Connection connection = connectMariaDb()) {
            requireAtHead(MariaDbVersions.applied(connection, settings.versionTable()), command);
            return mariaDbAutogenerate().compare(connection, modelFor(connection));
        }
    }

    /** Whether the MariaDB dialect's server is MySQL, as {@link #modelFor} found it. */
    private volatile boolean mysql;

    /**
     * The entity model mapped for the server the connection reaches: the model read in the background (for MariaDB)
     * on a MariaDB server, and on a MySQL server the entities mapped again as Hibernate maps them for MySQL.
     */
    CompletableFuture<Schema> modelFor(Connection connection) throws SQLException {
        mysql = MariaDbServer.isMySql(connection);
        if (!mysql) return model();
        EntitySource source = entitySource();
        return CompletableFuture.completedFuture(EntityRead.read(
                source.withHibernate(source.hibernate().forMySql()), settings.defaultSchema(), Dialect.MARIADB));
    }

    /** A connection to {@code url}'s MariaDB database, with the configured credentials and timeout. */
    Connection connectMariaDb() {
        return MariaDbDiffRun.connect(
                settings.url(),
                settings.user().orElse(null),
                settings.password().orElse(null),
                settings.connectTimeout());
    }

    /** The pipeline for MariaDB: as {@link #autogenerate(VersionTable)}, Retort's own tables in the url's database. */
    Autogenerate mariaDbAutogenerate() {
        VersionTable versions = new VersionTable(settings.versionTable());
        return Autogenerate.configure()
                .dialect(Dialect.MARIADB)
                .tables(settings.tableFilter())
                .leaveOut(
                        Set.of(QualifiedName.of(versions.name()), QualifiedName.of(new HistoryTable(versions).name())))
                .hooks(comparisons())
                .objectFilter(settings.objectExclusions())
                .excludeToolTables(settings.excludeToolTables())
                .load();
    }

    /**
     * The entities compared with a scratch database: through the MariaDB pipeline on a MariaDB server, else as
     * against a database at head, Retort's own tables left out wherever the version table was found.
     */
    Plan compareOnScratch(ScratchDatabase scratch) throws SQLException {
        try (Connection connection = connectScratch(scratch)) {
            if (scratch.dialect() == Dialect.MARIADB)
                return mariaDbAutogenerate().compare(connection, modelFor(connection));
            VersionTable at = versionTable().locate(connection);
            return autogenerate(at).compare(connection, model());
        }
    }

    /** A new scratch database on {@code dev.url}'s server (or an embedded one), dropped when closed. */
    ScratchDatabase scratch() {
        return scratch(Optional.empty());
    }

    /**
     * A new scratch database on {@code dev.url}'s server, or on an embedded server of the live server's major
     * when it is known and {@code embedded.version} does not say otherwise.
     */
    ScratchDatabase scratch(Optional<Integer> liveMajor) {
        boolean mariaDb = settings.hasUrl() && settings.dialect() == Dialect.MARIADB;
        if (mariaDb && settings.embeddedDev())
            throw new RetortException("dev.url = embedded: the embedded server is PostgreSQL, and url is a MariaDB"
                    + " database; set dev.url to a MariaDB server where Retort may create and drop retort_scratch_*"
                    + " databases (jdbc:mariadb://HOST/DATABASE?user=...)");
        if (settings.embeddedDev())
            return ScratchDatabase.embedded(embeddedSettings(liveMajor), settings.connectTimeout());
        String devUrl = settings.devUrl();
        if (settings.hasUrl() && Dialect.ofUrl(devUrl) != settings.dialect())
            throw new RetortException("dev.url: a " + Dialect.ofUrl(devUrl) + " server, and url is a "
                    + settings.dialect() + " database; the scratch database must be made by the same database");
        return ScratchDatabase.create(devUrl, settings.connectTimeout());
    }

    /** The embedded server's settings: the cache directory, {@code embedded.version}, {@code embedded.user}. */
    EmbeddedSettings embeddedSettings(Optional<Integer> liveMajor) {
        return settings.embedded(CacheDirectory.of(environment), liveMajor);
    }

    /** The runtime facade on a scratch database, configured as {@link #retort} is but for the connection. */
    Retort scratchRetort(ScratchDatabase scratch) {
        return load(
                runs(Retort.configure().url(scratch.url(), null, null).connectTimeout(settings.connectTimeout())),
                false);
    }

    /** Upgrades the scratch database to the targets in turn; a failing migration is named as on the scratch database. */
    void upgradeScratch(ScratchDatabase scratch, List<String> targets) {
        Retort retort = scratchRetort(scratch);
        createDefaultSchema(scratch);
        for (String target : targets) {
            try {
                retort.upgrade(target);
            } catch (MigrationException e) {
                throw new MigrationException(e.revision(), "on the scratch database (dev.url): " + e.getMessage(), e);
            }
        }
    }

    /**
     * The default schema, which a database at head holds and a new one lacks; the other schemas are the
     * migrations' to create, as they are objects the differ creates and drops.
     */
    void createDefaultSchema(ScratchDatabase scratch) {
        // a MariaDB URL's database is the default schema
        if (scratch.dialect() == Dialect.MARIADB) return;
        try (Connection connection = scratch.connect(settings.connectTimeout());
                Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresSql.quote(settings.defaultSchema()));
        } catch (SQLException e) {
            throw new RetortException(
                    "scratch database: cannot create the default schema " + settings.defaultSchema() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** A connection to the scratch database, the default schema first on its search path. */
    Connection connectScratch(ScratchDatabase scratch) {
        Connection connection = scratch.connect(settings.connectTimeout());
        useDefaultSchema(connection);
        return connection;
    }

    /** The entity model read in the background, for a command that compares with it. */
    CompletableFuture<Schema> model() {
        startReadingEntities();
        return model;
    }

    /**
     * The pipeline over the configured schemas and tables, with the configured hooks, leaving out
     * Retort's own tables (wherever the version table was found).
     */
    Autogenerate autogenerate(VersionTable at) {
        Set<QualifiedName> own = new HashSet<>(ownTables());
        own.addAll(ownTables(at));
        return Autogenerate.configure()
                .schemas(settings.schemas())
                .tables(settings.tableFilter())
                .leaveOut(own)
                .hooks(comparisons())
                .objectFilter(settings.objectExclusions())
                .excludeToolTables(settings.excludeToolTables())
                .load();
    }

    /** The configured comparison hooks, instantiated from {@code entities.classpath} and the tool's own class path. */
    List<ColumnComparison> comparisons() {
        List<String> names = settings.compareHooks();
        if (names.isEmpty()) return List.of();
        List<URL> urls = new ArrayList<>();
        for (Path entry : settings.entities(CacheDirectory.of(environment)).classpath()) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new RetortException("entities.classpath: " + entry + ": " + e.getMessage(), e);
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), Project.class.getClassLoader());
        List<ColumnComparison> hooks = new ArrayList<>();
        for (String name : names) {
            try {
                Object hook = Class.forName(name, true, loader)
                        .getDeclaredConstructor()
                        .newInstance();
                if (!(hook instanceof ColumnComparison comparison)) {
                    throw new RetortException(
                            "compare.hooks: " + name + " does not implement " + ColumnComparison.class.getName());
                }
                hooks.add(comparison);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new RetortException(
                        "compare.hooks: cannot create " + name
                                + " (a public class with a public no-argument constructor on" + " entities.classpath): "
                                + e,
                        e);
            }
        }
        return hooks;
    }

    /** A new random revision id (12 hex characters) that shares no prefix with an existing one, or the checked given one. */
    String revisionId(String requested) {
        RevisionGraph graph = graph();
        if (requested != null) {
            String problem = RevisionIds.problem(requested);
            if (problem != null)
                throw new OptionException(
                        "--rev-id", requested, "--rev-id " + RevisionIds.quoted(requested) + ": " + problem);
            if (graph.contains(requested))
                throw new OptionException(
                        "--rev-id", requested, "--rev-id " + requested + ": a revision with that id already exists");
            return requested;
        }
        while (true) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (graph.inOrder().stream().noneMatch(n -> n.id().startsWith(id) || id.startsWith(n.id()))) return id;
        }
    }

    /** Writes a new migration class into the migrations folder, its hazards as {@link #hazards}; never overwrites. */
    Path writeMigration(RevisionHeader header, Plan plan) {
        return MigrationWriter.writeNew(
                settings.migrationsDir(), settings.migrationsPackage(), header, plan, safety(plan), hazards());
    }

    /** The configured safety. */
    Safety safety() {
        return settings.safety();
    }

    /**
     * The configured safety for a migration of {@code plan}, generated against the database {@link #modelFor} read:
     * on MySQL, {@code safety = online} is refused for a plan that adds a primary key, whose online form (a unique index
     * built first, the key then made of it) MySQL cannot undo without copying the table: it takes that unique index
     * for the table's key and refuses to drop it with {@code LOCK=NONE}.
     */
    Safety safety(Plan plan) {
        Safety safety = settings.safety();
        if (mysql && safety == Safety.ONLINE)
            for (List<Op> direction : List.of(plan.upgrade(), plan.downgrade()))
                for (Op op : direction)
                    if (op instanceof AddPrimaryKey key && key.options().isEmpty())
                        throw new RetortException("safety = online: the primary key of " + key.table() + " would be"
                                + " written in MariaDB's online form (a unique index, then the key from it), which MySQL"
                                + " cannot undo without copying the table; generate this migration with safety = simple,"
                                + " or add the key by op.execute(\"ALTER TABLE ... ADD PRIMARY KEY (...),"
                                + " ALGORITHM=INPLACE, LOCK=NONE\")");
        return safety;
    }

    /**
     * The hazards as the project's database judges them: MariaDB's statements lock and copy otherwise than PostgreSQL's,
     * and MySQL's (once {@link #modelFor} found the server to be MySQL) otherwise than MariaDB's.
     */
    HazardPolicy hazards() {
        return mysql ? MariaDbHazards.MYSQL_POLICY : Autogenerate.hazards(settings.dialect());
    }

    /** Writes the expand and the contract classes of {@code split} into the migrations folder; never overwrites. */
    List<Path> writeExpandContract(RevisionHeader expand, RevisionHeader contract, ExpandContract split) {
        List<JavaFile> files =
                ExpandContractWriter.write(settings.migrationsPackage(), expand, contract, split, safety());
        for (JavaFile file : files) {
            Path target = settings.migrationsDir().resolve(file.typeSpec().name() + ".java");
            if (Files.exists(target)) throw new RetortException(target + " already exists");
        }
        return files.stream()
                .map(file -> MigrationWriter.writeNew(settings.migrationsDir(), file))
                .toList();
    }

    /** Refuses a database whose version table ({@code current}) is not at the migrations' heads. */
    private void requireAtHead(Set<String> current, String command) {
        for (String id : current) graph().node(id);
        List<String> heads = graph().heads();
        if (!current.equals(Set.copyOf(heads))) {
            throw new RetortException("target database is not up to date: it is at "
                    + (current.isEmpty() ? Targets.BASE : String.join(", ", current)) + ", the migrations' head is "
                    + String.join(", ", heads) + "; run 'retort upgrade head' first, or 'retort " + command
                    + " --dev' to compare on a scratch database");
        }
    }

    private Path cacheRoot() {
        return CacheDirectory.of(environment).resolve("classes");
    }
}
