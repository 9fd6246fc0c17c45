package dev.retort.cli;

import dev.retort.cli.config.ConfigException;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsLoader;
import dev.retort.runtime.internal.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code retort} command: global options, and the subcommands that do the work. */
@Command(
        name = "retort",
        mixinStandardHelpOptions = true,
        versionProvider = RetortCommand.Version.class,
        description = "Schema migrations for the JVM: JPA entities in, reviewable Java migrations out.")
final class RetortCommand {
    /** The subcommands, in the order help lists them (registered by {@link Main}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            InitCommand.class,
            RevisionCommand.class,
            UpgradeCommand.class,
            DowngradeCommand.class,
            CurrentCommand.class,
            HeadsCommand.class,
            HistoryCommand.class,
            BranchesCommand.class,
            ShowCommand.class,
            MergeCommand.class,
            StampCommand.class,
            BaselineCommand.class,
            EditCommand.class,
            CheckCommand.class,
            LintCommand.class,
            DriftCommand.class,
            TestCommand.class,
            EmbeddedCommand.class,
            ValidateCommand.class,
            DiffCommand.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "Configuration file (default: retort.properties, or RETORT_CONFIG).")
    String config;

    @Option(names = "--url", scope = ScopeType.INHERIT, description = "JDBC URL of the database.")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "Database user.")
    String user;

    @Option(
            names = "--password",
            scope = ScopeType.INHERIT,
            description = "Database password (prefer RETORT_PASSWORD).")
    String password;

    @Option(
            names = "-x",
            paramLabel = "KEY=VALUE",
            scope = ScopeType.INHERIT,
            description = "Override any configuration key, e.g. -x schemas=public,sales.")
    Map<String, String> extra = new LinkedHashMap<>();

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean stacktrace;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Print only results and errors.")
    boolean quiet;

    final Path workDir;
    final Map<String, String> environment;
    private Settings loaded;
    private boolean notesToStderr;
    private final List<String> otherUrls = new ArrayList<>();

    RetortCommand(Path workDir, Map<String, String> environment) {
        this.workDir = workDir;
        this.environment = environment;
    }

    Project project() {
        Map<String, String> overrides = new HashMap<>();
        extra.forEach((key, value) -> {
            if (!Settings.isKnown(key)) {
                throw new ConfigException(
                        "-x " + key, "-x " + key + ": unknown key (known: " + String.join(", ", Settings.KEYS) + ")");
            }
            overrides.put(key, value);
        });
        if (url != null) overrides.put("url", url);
        if (user != null) overrides.put("user", user);
        if (password != null) overrides.put("password", password);
        Settings settings = SettingsLoader.load(workDir, config, environment, overrides);
        loaded = settings;
        return new Project(settings, environment);
    }

    /** Notes a URL this invocation connects to besides the configured one (diff's), so that errors mask its password. */
    void connectsTo(String otherUrl) {
        otherUrls.add(otherUrl);
    }

    /** Every password this invocation may know of: flags, -x, the environment, the loaded settings and other URLs. */
    Redaction redaction() {
        Redaction redaction = Redaction.of(url, password)
                .and(extra.get("url"), extra.get("password"))
                .and(
                        environment.get(Settings.environmentName("url")),
                        environment.get(Settings.environmentName("password")));
        if (loaded != null)
            redaction = redaction
                    .and(loaded.get("url").orElse(null), loaded.password().orElse(null))
                    .and(loaded.get("dev.url").orElse(null), null);
        for (String other : otherUrls) redaction = redaction.and(other, null);
        return redaction;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** From now on progress and notes go to stderr: stdout holds one JSON document. */
    void notesToStderr() {
        notesToStderr = true;
    }

    /** Where progress and notes go: stdout, or stderr when stdout holds a document. */
    PrintWriter notes() {
        return notesToStderr ? err() : out();
    }

    /** Progress output, silenced by {@code -q}; one line, made {@link Terminal#safe}. */
    void info(String line) {
        if (!quiet) notes().println(Terminal.safe(line));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RetortCommand.class.getPackage().getImplementationVersion();
            return new String[] {"retort " + (version == null ? "development build" : version)};
        }
    }
}
