package dev.retort.junit;

import static java.util.Objects.requireNonNull;

import dev.retort.entities.Naming;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test class's tests a {@link RetortChecks}: registered by {@link RetortTest} (configured by its
 * attributes) or as a field,
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RetortExtension retort = RetortExtension.configure()
 *         .database(RetortDatabase.url("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null))
 *         .migrationsPackage("com.example.migrations")
 *         .entityPackages("com.example.domain")
 *         .build();
 * }</pre>
 *
 * Each time a check creates a scratch database it publishes its name as the report entry
 * {@value #SCRATCH_ENTRY}.
 */
public final class RetortExtension implements ParameterResolver {
    /** The report entry a check publishes with the name of each scratch database it creates. */
    public static final String SCRATCH_ENTRY = "retort.scratch-database";

    /** The JUnit configuration parameters {@link RetortTest} reads the server from when it names none. */
    public static final String URL_PARAMETER = "retort.test.url";

    public static final String USER_PARAMETER = "retort.test.user";
    public static final String PASSWORD_PARAMETER = "retort.test.password";

    /** Null when registered by {@link RetortTest}: then read from the annotation. */
    private final Settings settings;

    /** For {@link RetortTest}: configured by the test class's annotation. */
    public RetortExtension() {
        this(null);
    }

    private RetortExtension(Settings settings) {
        this.settings = settings;
    }

    public static Builder configure() {
        return new Builder();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RetortChecks.class;
    }

    @Override
    public RetortChecks resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Settings resolved = settings != null ? settings : fromAnnotation(context);
        return new RetortChecks(resolved, name -> context.publishReportEntry(SCRATCH_ENTRY, name));
    }

    private static Settings fromAnnotation(ExtensionContext context) {
        RetortTest test = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RetortTest.class)
                .orElseThrow(() -> new ParameterResolutionException(
                        "RetortExtension registered without configuration: annotate the class with @RetortTest, or"
                                + " register RetortExtension.configure()...build() with @RegisterExtension"));
        String url = orParameter(test.url(), URL_PARAMETER, context)
                .orElseThrow(() -> new ParameterResolutionException("@RetortTest names no database: set url, or the"
                        + " JUnit configuration parameter " + URL_PARAMETER
                        + " (a system property or junit-platform.properties)"));
        String user = orParameter(test.user(), USER_PARAMETER, context).orElse(null);
        String password = context.getConfigurationParameter(PASSWORD_PARAMETER).orElse(null);
        Builder builder = configure()
                .database(RetortDatabase.url(url, user, password))
                .scratchDatabase(test.scratchDatabase())
                .entityPackages(test.entityPackages())
                .entityClasspath(RetortChecks.paths(test.entityClasspath()))
                .naming(RetortChecks.naming(test.naming()))
                .schemas(test.schemas());
        if (!test.migrationsDirectory().isBlank()) builder.migrationsDirectory(Path.of(test.migrationsDirectory()));
        if (!test.migrationsPackage().isBlank()) builder.migrationsPackage(test.migrationsPackage());
        return builder.settings();
    }

    private static Optional<String> orParameter(String value, String parameter, ExtensionContext context) {
        return value.isBlank()
                ? context.getConfigurationParameter(parameter).filter(v -> !v.isBlank())
                : Optional.of(value);
    }

    /** The checks' configuration, as the builder collected it. */
    record Settings(
            RetortDatabase database,
            boolean scratch,
            String migrationsPackage,
            Path migrationsDirectory,
            List<String> entityPackages,
            List<Path> entityClasspath,
            Naming naming,
            List<String> schemas) {}

    /** Collects the configuration; {@link #build()} checks it. */
    public static final class Builder {
        private RetortDatabase database;
        private boolean scratch = true;
        private String migrationsPackage;
        private Path migrationsDirectory;
        private List<String> entityPackages = List.of();
        private List<Path> entityClasspath = List.of();
        private Naming naming = Naming.JPA;
        private List<String> schemas = List.of("public");

        private Builder() {}

        /** The server to create scratch databases on, or the database to use as it is. */
        public Builder database(RetortDatabase database) {
            this.database = requireNonNull(database, "database");
            return this;
        }

        /** Each check on a scratch database it creates and drops (true, the default), or on the database as it is. */
        public Builder scratchDatabase(boolean scratch) {
            this.scratch = scratch;
            return this;
        }

        /** The package the migrations are compiled into, found with the test's class loader. */
        public Builder migrationsPackage(String packageName) {
            this.migrationsPackage = requireNonNull(packageName, "packageName");
            this.migrationsDirectory = null;
            return this;
        }

        /** A folder of migration {@code .java} files, compiled with the JDK's compiler. */
        public Builder migrationsDirectory(Path directory) {
            this.migrationsDirectory = requireNonNull(directory, "directory");
            this.migrationsPackage = null;
            return this;
        }

        public Builder entityPackages(String... packages) {
            this.entityPackages = List.of(packages);
            return this;
        }

        /** Where the entities are when not on the test's class path (directories and jars). */
        public Builder entityClasspath(List<Path> entries) {
            this.entityClasspath = List.copyOf(entries);
            return this;
        }

        /** The application's naming strategies ({@code Naming.SPRING} for Spring Boot's pair). */
        public Builder naming(Naming naming) {
            this.naming = requireNonNull(naming, "naming");
            return this;
        }

        /** The schemas the migrations work in, the default one first (default {@code public}). */
        public Builder schemas(String... schemas) {
            if (schemas.length == 0) throw new IllegalArgumentException("no schemas");
            this.schemas = List.of(schemas);
            return this;
        }

        public RetortExtension build() {
            return new RetortExtension(settings());
        }

        Settings settings() {
            if (database == null)
                throw new IllegalStateException("configure the database: database(RetortDatabase...)");
            if (migrationsPackage == null && migrationsDirectory == null)
                throw new IllegalStateException("configure the migrations: migrationsPackage or migrationsDirectory");
            return new Settings(
                    database,
                    scratch,
                    migrationsPackage,
                    migrationsDirectory,
                    entityPackages,
                    entityClasspath,
                    naming,
                    schemas);
        }
    }
}
