package dev.retort.maven;

import dev.retort.RetortException;
import dev.retort.cli.Main;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsLoader;
import dev.retort.cli.startup.StartupSwitch;
import dev.retort.maven.internal.EntityPackages;
import dev.retort.maven.internal.ErrorLines;
import dev.retort.maven.internal.LogWriter;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: the settings, from the plugin's configuration, then {@code retort.*} user properties, then
 * the {@code <server>} of {@code settings.xml} for the credentials, then the project's {@code retort.properties};
 * the entities from the project's own class path; and the command it runs, in this JVM, its output in Maven's log.
 */
public abstract class RetortMojo extends AbstractMojo {
    /** The prefix of the user properties that set a Retort key: {@code -Dretort.url=...}. */
    static final String PROPERTY_PREFIX = "retort.";

    static final String DEFAULT_SERVER = "retort-db";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    org.apache.maven.settings.Settings mavenSettings;

    private final SettingsDecrypter decrypter;

    /** Skips the goal. */
    @Parameter(property = "retort.skip", defaultValue = "false")
    boolean skip;

    /** The {@code settings.xml} server whose username and password connect to the database. */
    @Parameter(property = "retort.serverId", defaultValue = DEFAULT_SERVER)
    String serverId;

    /** The configuration file; default {@code retort.properties} in the project's directory, when there is one. */
    @Parameter(property = "retort.configFile")
    File configFile;

    /** {@code url}: the JDBC URL of the database, PostgreSQL's ({@code jdbc:postgresql:}) or MariaDB's. */
    @Parameter
    String url;

    /** {@code user}; by default the {@code settings.xml} server's username. */
    @Parameter
    String user;

    /** {@code password}; by default the {@code settings.xml} server's password (prefer that). */
    @Parameter
    String password;

    /** {@code schemas}, comma-separated. */
    @Parameter
    String schemas;

    /** {@code migrations.dir}. */
    @Parameter
    File migrationsDir;

    /** {@code migrations.package}. */
    @Parameter
    String migrationsPackage;

    /** {@code entities.packages}; by default the packages of the {@code @Entity} classes in the output directory. */
    @Parameter
    String entitiesPackages;

    /** {@code entities.naming}: {@code jpa}, {@code snake}, {@code spring} or a class name. */
    @Parameter
    String entitiesNaming;

    /** {@code safety}: {@code online} or {@code simple}, the forms {@code retort:revision} generates. */
    @Parameter
    String safety;

    /** {@code entities.classpath}; by default the project's output directory and runtime class path. */
    @Parameter
    String entitiesClasspath;

    /** Reads the entities with the test class path (test classes and test-scoped jars too). */
    @Parameter(property = "retort.useTestClasspath", defaultValue = "false")
    boolean useTestClasspath;

    /** Any other key of {@code retort.properties}, such as {@code version.table} or {@code entities.properties.KEY}. */
    @Parameter
    Map<String, String> properties = new LinkedHashMap<>();

    /** @param decrypter Maven's, for the {@code settings.xml} server's password */
    RetortMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The command's arguments after its name, e.g. {@code upgrade head}. */
    abstract List<String> arguments() throws MojoExecutionException;

    /** Whether the command reads the entities, so that the entity settings are worked out. */
    boolean readsEntities() {
        return false;
    }

    /** What to do with an exit code of 1, which only {@code check}, {@code validate} and {@code current} give. */
    void found(String output) throws MojoFailureException {
        throw new MojoFailureException(output.strip());
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Retort (retort.skip)");
            return;
        }
        Map<String, String> settings = settings();
        List<String> args = new ArrayList<>();
        if (configFile != null) args.addAll(List.of("-c", configFile.getAbsolutePath()));
        if (session.getRequest().isShowErrors()) args.add("--stacktrace");
        settings.forEach((key, value) -> args.addAll(List.of("-x", key + "=" + value)));
        args.addAll(arguments());
        run(args);
    }

    /** Runs the command; its lines go to the log as it prints them, but for its error, the build's failure message. */
    void run(List<String> args) throws MojoExecutionException, MojoFailureException {
        LogWriter out = new LogWriter(getLog()::info);
        // Maven prints the failure message itself, every line of it
        ErrorLines error = new ErrorLines(getLog()::error);
        LogWriter err = new LogWriter(error);
        int code = run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        out.close();
        err.close();
        if (code == 1) found(out.text());
        if (code != 0) throw new MojoExecutionException(error.failure(code));
    }

    int run(List<String> args, PrintWriter out, PrintWriter err) {
        return Main.run(basedir(), environment(), out, err, args.toArray(String[]::new));
    }

    /**
     * The process environment with the command line's start-up tricks turned off: they race a command that lives for
     * seconds, and Maven's JVM lives for the build.
     */
    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(StartupSwitch.ALL, "off");
        return environment;
    }

    Path basedir() {
        return project.getBasedir().toPath();
    }

    /** The keys given to the command, in precedence order: configuration, user properties, settings.xml. */
    Map<String, String> settings() throws MojoExecutionException {
        Map<String, String> keys = new LinkedHashMap<>();
        session.getUserProperties().forEach((name, value) -> {
            String key = String.valueOf(name);
            if (key.startsWith(PROPERTY_PREFIX) && Settings.isKnown(key.substring(PROPERTY_PREFIX.length())))
                keys.put(key.substring(PROPERTY_PREFIX.length()), String.valueOf(value));
        });
        Optional<Server> server = server();
        if (server.isPresent()) {
            if (server.get().getUsername() != null)
                keys.putIfAbsent("user", server.get().getUsername());
            if (server.get().getPassword() != null)
                keys.putIfAbsent("password", server.get().getPassword());
        }
        putIfSet(keys, "url", url);
        putIfSet(keys, "user", user);
        putIfSet(keys, "password", password);
        putIfSet(keys, "schemas", schemas);
        if (migrationsDir != null) keys.put("migrations.dir", migrationsDir.getAbsolutePath());
        putIfSet(keys, "migrations.package", migrationsPackage);
        putIfSet(keys, "entities.packages", entitiesPackages);
        putIfSet(keys, "entities.naming", entitiesNaming);
        putIfSet(keys, "safety", safety);
        putIfSet(keys, "entities.classpath", entitiesClasspath);
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (!Settings.isKnown(entry.getKey()))
                throw new MojoExecutionException("<properties>: unknown key '" + entry.getKey() + "' (known: "
                        + String.join(", ", Settings.KEYS) + ", and " + Settings.HIBERNATE_PREFIX + "KEY)");
            putIfSet(keys, entry.getKey(), entry.getValue());
        }
        if (readsEntities()) entities(keys);
        return keys;
    }

    private static void putIfSet(Map<String, String> keys, String key, String value) {
        if (value != null && !value.isBlank()) keys.put(key, value);
    }

    /** The project's class path as {@code entities.classpath}, and its entities' packages, unless given. */
    private void entities(Map<String, String> keys) throws MojoExecutionException {
        if (!keys.containsKey("entities.classpath")) keys.put("entities.classpath", String.join(",", classpath()));
        if (keys.containsKey("entities.packages")) return;
        Settings loaded;
        try {
            loaded = SettingsLoader.load(
                    basedir(), configFile == null ? null : configFile.getAbsolutePath(), environment(), keys);
        } catch (RetortException e) {
            throw new MojoExecutionException("retort: " + e.getMessage(), e);
        }
        if (loaded.get("entities.packages").isPresent()
                || loaded.get("entities.persistence-unit").isPresent()) return;
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<String> packages = EntityPackages.in(classes);
        if (packages.isEmpty())
            throw new MojoExecutionException("no @Entity class in " + classes
                    + " and no entities.packages configured: compile first (mvn compile retort:"
                    + goal() + "), or set <entitiesPackages>");
        getLog().info("Entities under " + String.join(", ", packages) + " (the packages of the @Entity classes in "
                + classes + ")");
        keys.put("entities.packages", String.join(",", packages));
    }

    private List<String> classpath() throws MojoExecutionException {
        try {
            return useTestClasspath ? project.getTestClasspathElements() : project.getRuntimeClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's class path is not resolved: " + e.getMessage(), e);
        }
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /** The configured server, its password decrypted; missing is an error only for a server id other than the default. */
    private Optional<Server> server() throws MojoExecutionException {
        Server server = mavenSettings == null ? null : mavenSettings.getServer(serverId);
        if (server == null) {
            if (DEFAULT_SERVER.equals(serverId)) return Optional.empty();
            throw new MojoExecutionException("serverId " + serverId + ": settings.xml has no <server> with that id");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING)
                throw new MojoExecutionException(
                        "settings.xml server " + serverId + ": cannot decrypt its password: " + problem.getMessage());
        }
        return Optional.of(result.getServer());
    }
}
