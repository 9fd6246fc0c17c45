package dev.retort.runtime;

import static dev.retort.postgres.PostgresSql.quote;
import static java.util.Objects.requireNonNull;

import dev.retort.classpath.ClassScanner;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.internal.MigrationSet;
import dev.retort.runtime.internal.Migrator;
import dev.retort.runtime.internal.Redaction;
import dev.retort.runtime.internal.UrlConnector;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.runtime.internal.source.SourceMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * <p>Each verb opens its own connection and closes it; the advisory lock makes concurrent replicas
 * take turns, and the ones that come second find nothing left to do.
 */
public final class Retort {
    /** The longest lock timeout: PostgreSQL's {@code lock_timeout} takes at most {@code INT_MAX} milliseconds, about 24 days. */
    public static final Duration MAX_LOCK_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /** Supplies connections: a {@code DataSource}, or a URL with credentials. */
    @FunctionalInterface
    private interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Redaction redaction;
    private final Migrator migrator;
    private final String searchPath;

    private Retort(Connector connector, Redaction redaction, Migrator migrator, String searchPath) {
        this.connector = connector;
        this.redaction = redaction;
        this.migrator = migrator;
        this.searchPath = searchPath;
    }

    public static Builder configure() {
        return new Builder();
    }

    /** Applies migrations up to {@code target} ({@code head}, a revision, {@code +N}, ...). */
    public RunResult upgrade(String target) {
        return withConnection(c -> migrator.upgrade(c, target));
    }

    /** Undoes migrations down to {@code target} ({@code -N}, a revision, {@code base}). */
    public RunResult downgrade(String target) {
        return withConnection(c -> migrator.downgrade(c, target));
    }

    /** The revisions the database is at; empty at base. */
    public Set<String> current() {
        return withConnection(migrator::current);
    }

    /** Every recorded run, oldest first. */
    public List<HistoryEntry> history() {
        return withConnection(migrator::history);
    }

    /** The migrations {@code upgrade("heads")} would apply; empty when the database is up to date. */
    public List<RevisionNode> pending() {
        return withConnection(migrator::pending);
    }

    /** Edited, missing and unknown applied revisions. */
    public Validation validate() {
        return withConnection(migrator::validate);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs on a new connection, with the configured default schema first on its search path while it runs; no
     * exception it ends with shows a password, nor does any of its causes.
     */
    private <T> T withConnection(Work<T> work) {
        try (Connection connection = connector.connect()) {
            if (searchPath == null) return work.run(connection);
            boolean autoCommit = connection.getAutoCommit();
            String previous = setSearchPath(connection, searchPath);
            try {
                return work.run(connection);
            } finally {
                setSearchPath(connection, previous);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DatabaseException(redaction.text(e.getMessage()), e.getSQLState(), redaction.exception(e));
        } catch (RuntimeException e) {
            throw redaction.unchecked(e);
        }
    }

    /** Sets the session's search path, in autocommit so that it holds (the caller puts both back); returns the one before. */
    private static String setSearchPath(Connection connection, String path) throws SQLException {
        if (!connection.getAutoCommit()) connection.rollback();
        connection.setAutoCommit(true);
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT pg_catalog.current_setting('search_path') AS previous, pg_catalog.set_config('search_path', ?, false)")) {
            st.setString(1, path);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString("previous");
            }
        }
    }

    /** Collects the configuration; {@link #load()} checks it and loads the migrations. */
    public static final class Builder {
        private Connector connector;
        private Redaction redaction = Redaction.NONE;
        private String url;
        private String user;
        private String password;
        private Duration connectTimeout = UrlConnector.DEFAULT_TIMEOUT;
        private String migrationsPackage;
        private ClassLoader classLoader;
        private Path migrationsDirectory;
        private Path compileCache;
        private final List<Class<?>> migrationClasses = new ArrayList<>();
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
            requireNonNull(dataSource, "dataSource");
            this.connector = dataSource::getConnection;
            this.url = null;
            return this;
        }

        /**
         * Connects through the PostgreSQL driver; user and password may be null (then the URL's are used).
         * Connecting gives up after {@link #connectTimeout}, with TCP keepalive on; errors never show the password.
         */
        public Builder url(String url, String user, String password) {
            this.url = requireNonNull(url, "url");
            this.user = user;
            this.password = password;
            return this;
        }

        /** How long connecting through {@link #url} may take (default 30 s); a DataSource sets its own. */
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

        public Builder versionTable(String name) {
            this.versionTable = requireNonNull(name, "name");
            return this;
        }

        /**
         * The application's schemas, the first the default one: unqualified names in migrations
         * resolve to it (it comes first on the search path while Retort runs), and the version
         * table lives in it unless {@link #versionSchema} says otherwise. Default: {@code public}.
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
            this.options = new Migrator.Options(perMigration, options.lockTimeout());
            return this;
        }

        /** How long to wait for another runner's lock before failing: 0 to {@link #MAX_LOCK_TIMEOUT}, else IllegalArgumentException. */
        public Builder lockTimeout(Duration timeout) {
            this.options = new Migrator.Options(options.transactionPerMigration(), requireNonNull(timeout, "timeout"));
            return this;
        }

        public Builder listener(MigrationListener progress) {
            this.listener = requireNonNull(progress, "progress");
            return this;
        }

        public Retort load() {
            if (url != null) {
                UrlConnector urlConnector = new UrlConnector(url, user, password, connectTimeout);
                connector = urlConnector::open;
                redaction = urlConnector.redaction();
            }
            if (connector == null) throw new IllegalStateException("configure a dataSource or a url");
            MigrationSet migrations = migrations();
            String defaultSchema = schemas.isEmpty() ? VersionTable.DEFAULT_SCHEMA : schemas.get(0);
            VersionTable versions =
                    new VersionTable(versionSchema != null ? versionSchema : defaultSchema, versionTable, schemas);
            Migrator migrator = new Migrator(migrations, versions, options, listener);
            String searchPath =
                    defaultSchema.equals(VersionTable.DEFAULT_SCHEMA) ? null : quote(defaultSchema) + ", public";
            return new Retort(connector, redaction, migrator, searchPath);
        }

        private MigrationSet migrations() {
            int sources = (migrationsPackage != null ? 1 : 0)
                    + (migrationsDirectory != null ? 1 : 0)
                    + (migrationClasses.isEmpty() ? 0 : 1);
            if (sources != 1) {
                throw new IllegalStateException(
                        "configure exactly one of migrationsPackage, migrationsDirectory or migrations");
            }
            if (migrationsDirectory != null) return SourceMigrations.load(migrationsDirectory, compileCache);
            if (!migrationClasses.isEmpty()) return MigrationSet.of(migrationClasses, Class::getName);
            ClassLoader loader =
                    classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            List<Class<?>> classes = new ArrayList<>();
            for (String name : ClassScanner.classNames(loader, List.of(), migrationsPackage)) {
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new MigrationException("migration class " + name + " cannot be loaded: " + e, e);
                }
            }
            if (classes.stream().noneMatch(c -> c.isAnnotationPresent(Revision.class))) {
                throw new MigrationException("no @Revision migrations found in package " + migrationsPackage);
            }
            return MigrationSet.of(classes, Class::getName);
        }
    }
}
