package dev.retort.cli.config;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.autogenerate.ExcludePatterns;
import dev.retort.codegen.Safety;
import dev.retort.embedded.EmbeddedException;
import dev.retort.embedded.EmbeddedRelease;
import dev.retort.embedded.EmbeddedSettings;
import dev.retort.entities.EntitySource;
import dev.retort.entities.HibernateSettings;
import dev.retort.entities.Naming;
import dev.retort.lint.LintConfig;
import dev.retort.lint.Rule;
import dev.retort.lint.Severity;
import dev.retort.runtime.Retort;
import dev.retort.runtime.internal.Session;
import dev.retort.schema.TableFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolved configuration: every key from {@code retort.properties}, overridden by the matching
 * {@code RETORT_*} environment variable, overridden by command-line flags. Relative paths are
 * resolved against the directory of the configuration file (the working directory without one).
 *
 * <p>{@link #toString()} never shows the password.
 */
public final class Settings {
    /** The {@code dev.url} that asks for an embedded server. */
    public static final String EMBEDDED = "embedded";

    /** The keys Retort reads, with their environment variable names derived from them. */
    public static final List<String> KEYS = List.of(
            "url",
            "dev.url",
            "embedded.version",
            "embedded.user",
            "user",
            "password",
            "schemas",
            "migrations.dir",
            "migrations.package",
            "entities.packages",
            "entities.classpath",
            "entities.naming",
            "entities.naming.physical",
            "entities.naming.implicit",
            "entities.properties-file",
            "entities.persistence-unit",
            "entities.spring-config",
            "version.table",
            "version.schema",
            "transaction.per-migration",
            "lock.timeout",
            "lock.ddl-timeout",
            "lock.statement-timeout",
            "connect.timeout",
            "timezone",
            "safety",
            "tables.include",
            "tables.exclude",
            "compare.hooks",
            "compare.exclude",
            "compare.exclude-tool-tables");

    /**
     * The family of keys passed to Hibernate one by one, {@code entities.properties.KEY}; a key of it
     * is known when {@link #isKnown} says so.
     */
    public static final String HIBERNATE_PREFIX = HibernateSettings.PREFIX;

    /** The family of per-rule lint severities, {@code lint.RULE = error|warning|off}. */
    public static final String LINT_PREFIX = "lint.";

    private final Map<String, String> values;
    private final Path baseDirectory;
    private final Optional<Path> file;

    Settings(Map<String, String> values, Path baseDirectory, Optional<Path> file) {
        this.values = Map.copyOf(values);
        this.baseDirectory = baseDirectory;
        this.file = file;
    }

    /** Whether Retort reads this key: one of {@link #KEYS}, or {@code entities.properties.} and a Hibernate key. */
    public static boolean isKnown(String key) {
        return KEYS.contains(key)
                || key.startsWith(HIBERNATE_PREFIX) && key.length() > HIBERNATE_PREFIX.length()
                || key.startsWith(LINT_PREFIX) && key.length() > LINT_PREFIX.length();
    }

    /**
     * What {@code retort lint} reads: each {@code lint.RULE} severity (an unknown rule or severity is an error naming
     * the key), the default schema, whether migrations run with a lock timeout ({@code lock.ddl-timeout} other than
     * 0), and the project's database ({@link #dialect}), whose rules and SQL lint reads the migrations by (MySQL's
     * for a {@code jdbc:mysql:} url).
     */
    public LintConfig lintConfig() {
        Map<Rule, Severity> severities = new EnumMap<>(Rule.class);
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(LINT_PREFIX)) continue;
            String id = key.substring(LINT_PREFIX.length());
            Rule rule = Rule.byId(id)
                    .orElseThrow(() ->
                            new ConfigException(key, key + ": no lint rule is called " + id + " (" + ruleIds() + ")"));
            String word = entry.getValue().strip();
            Severity severity = Severity.of(word)
                    .orElseThrow(() ->
                            new ConfigException(key, key + ": expected error, warning or off, not \"" + word + "\""));
            severities.put(rule, severity);
        }
        boolean lockTimeout = !ddlTimeout().isZero();
        // no connection: a jdbc:mysql: url (or dev.url) says the migrations run on MySQL, read by what MySQL does
        String url = get("url").or(() -> get("dev.url")).map(String::strip).orElse("");
        return new LintConfig(severities, defaultSchema(), lockTimeout, dialect(), url.startsWith("jdbc:mysql:"));
    }

    private static String ruleIds() {
        StringBuilder ids = new StringBuilder("the rules: ");
        for (Rule rule : Rule.values())
            ids.append(rule.ordinal() == 0 ? "" : ", ").append(rule.id());
        return ids.toString();
    }

    /** {@code migrations.dir} becomes {@code RETORT_MIGRATIONS_DIR}. */
    public static String environmentName(String key) {
        return "RETORT_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** A value that must be there, or an error saying where it can be set. */
    public String require(String key, String purpose) {
        return get(key).orElseThrow(() -> new ConfigException(
                key,
                "no " + key + " configured (needed " + purpose + "): set it in "
                        + file.map(Path::toString).orElse("retort.properties (none found; run 'retort init')")
                        + ", in " + environmentName(key) + ", or with a flag"));
    }

    public Optional<Path> file() {
        return file;
    }

    public String url() {
        return require("url", "to connect to the database");
    }

    /**
     * The database {@code url} names ({@link Dialect#ofUrl}); without one, the database of {@code dev.url}'s server
     * (the commands that work on a scratch database alone); PostgreSQL without either, or with {@code dev.url =
     * embedded}.
     */
    public Dialect dialect() {
        Optional<String> url = get("url").map(String::trim);
        if (url.isPresent()) return Dialect.ofUrl(url.get());
        return Dialect.ofUrl(get("dev.url").map(String::strip).orElse(null));
    }

    /** Whether {@code url} is configured: without one, the commands that can work on a scratch database do. */
    public boolean hasUrl() {
        return get("url").isPresent();
    }

    /**
     * {@code dev.url}: a PostgreSQL server (a database on it, the URL's own user and password) where Retort may
     * create and drop {@code retort_scratch_*} databases.
     */
    public String devUrl() {
        return require("dev.url", "for a scratch database that the migrations are applied to")
                .strip();
    }

    /**
     * Whether scratch databases are on an embedded server: {@code dev.url = embedded}, or neither {@code url}
     * nor {@code dev.url} configured.
     */
    public boolean embeddedDev() {
        Optional<String> dev = get("dev.url").map(String::strip);
        return dev.map(EMBEDDED::equals).orElse(!hasUrl());
    }

    /**
     * The embedded server's settings: Retort's cache directory, {@code embedded.version} (else the major of the
     * server at {@code url} when it is known and Retort has its binaries, else the default),
     * {@code embedded.user} for a run as root.
     */
    public EmbeddedSettings embedded(Path cacheDirectory, Optional<Integer> liveMajor) {
        EmbeddedSettings embedded = EmbeddedSettings.of(cacheDirectory)
                .withRootUser(get("embedded.user").map(String::strip).orElse(EmbeddedSettings.DEFAULT_ROOT_USER));
        Optional<String> version = get("embedded.version");
        if (version.isPresent()) {
            try {
                return embedded.withRelease(EmbeddedRelease.parse(version.get()));
            } catch (EmbeddedException e) {
                throw new ConfigException("embedded.version", e.getMessage());
            }
        }
        return liveMajor
                .flatMap(EmbeddedRelease::ofMajor)
                .map(embedded::withRelease)
                .orElse(embedded);
    }

    public Optional<String> user() {
        return get("user");
    }

    public Optional<String> password() {
        return get("password");
    }

    /**
     * {@code schemas}, the default one first; on MariaDB, whose URL names its one database, any but {@code public} is
     * refused in one line, as the runtime refuses it, for every command that reads it.
     */
    public List<String> schemas() {
        List<String> schemas = list(get("schemas").orElse("public"));
        if (schemas.isEmpty()) return List.of("public");
        try {
            Session.requireSchemas(dialect(), schemas);
        } catch (RetortException e) {
            throw new ConfigException("schemas", e.getMessage());
        }
        return schemas;
    }

    public String defaultSchema() {
        return schemas().get(0);
    }

    public Path migrationsDir() {
        return resolve(get("migrations.dir").orElse("migrations"));
    }

    public String migrationsPackage() {
        String name = get("migrations.package").orElse("migrations");
        if (!name.matches("([A-Za-z_$][A-Za-z0-9_$]*)(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new ConfigException("migrations.package", "migrations.package: not a Java package name: " + name);
        }
        return name;
    }

    public String versionTable() {
        return get("version.table").orElse("retort_version");
    }

    /** The schema of the version table and its history: {@code version.schema}, else the first of {@code schemas}. */
    public String versionSchema() {
        return get("version.schema").map(String::trim).orElse(defaultSchema());
    }

    /** One transaction per migration (true, the default) or one for the whole run (false). */
    public boolean transactionPerMigration() {
        return bool("transaction.per-migration", true);
    }

    private boolean bool(String key, boolean defaultValue) {
        String value = get(key).orElse(Boolean.toString(defaultValue)).trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException(key, key + ": expected true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /** How long to wait for another runner's migration lock, in whole seconds (default 300, at most the runtime's limit). */
    public Duration lockTimeout() {
        return seconds("lock.timeout", 300, Retort.MAX_LOCK_TIMEOUT.toSeconds());
    }

    /** How long each migration statement may wait for a lock, in whole seconds (default 5; 0 for ever). */
    public Duration ddlTimeout() {
        return seconds("lock.ddl-timeout", 5, Retort.MAX_LOCK_TIMEOUT.toSeconds());
    }

    /** How long each migration statement may run, in whole seconds (0 for ever); empty: the session's own setting. */
    public Optional<Duration> statementTimeout() {
        if (get("lock.statement-timeout").map(String::isBlank).orElse(true)) return Optional.empty();
        return Optional.of(seconds("lock.statement-timeout", 0, Retort.MAX_LOCK_TIMEOUT.toSeconds()));
    }

    /** The session time zone migrations run in (default {@code UTC}): UTC or an IANA name, checked by the facade. */
    public String timeZone() {
        String zone = get("timezone").orElse("UTC").trim();
        try {
            Retort.configure().timeZone(zone);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("timezone", "timezone: " + e.getMessage());
        }
        return zone;
    }

    /**
     * The forms generated migrations take on tables that exist ({@code safety}): {@code online} or
     * {@code simple}; a configuration without the key (a project older than the key) gets {@code
     * simple}, the forms it always had, and {@code init} writes {@code online} into a new one.
     */
    public Safety safety() {
        String word = get("safety").orElse(Safety.SIMPLE.word());
        try {
            return Safety.parse(word);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("safety", "safety: " + e.getMessage());
        }
    }

    /** How long connecting may take, in whole seconds (default 30; 0 waits for ever). */
    public Duration connectTimeout() {
        return seconds("connect.timeout", 30, Integer.MAX_VALUE);
    }

    private Duration seconds(String key, long defaultSeconds, long max) {
        String value = get(key).orElse(Long.toString(defaultSeconds)).trim();
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, key + ": expected a whole number of seconds, got " + value);
        }
        if (seconds < 0 || seconds > max) {
            throw new ConfigException(key, key + ": " + value + " is out of range: expected 0 to " + max + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    /** The tables (and sequences) compared: {@code tables.include} and {@code tables.exclude} globs. */
    public TableFilter tableFilter() {
        return new TableFilter(
                list(get("tables.include").orElse("")),
                list(get("tables.exclude").orElse("")));
    }

    /** Class names of the project's {@code ColumnComparison} hooks, in order; found on {@code entities.classpath}. */
    public List<String> compareHooks() {
        return list(get("compare.hooks").orElse(""));
    }

    /** The {@code compare.exclude} patterns ({@code KIND:GLOB}, comma-separated); a bad entry is refused naming it. */
    public ExcludePatterns objectExclusions() {
        try {
            return ExcludePatterns.parse(list(get("compare.exclude").orElse("")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("compare.exclude", "compare.exclude: " + e.getMessage());
        }
    }

    /** Whether Flyway's and Liquibase's own tables are left alone ({@code compare.exclude-tool-tables}, default true). */
    public boolean excludeToolTables() {
        return bool("compare.exclude-tool-tables", true);
    }

    /**
     * The entity source; fat jars and WARs on {@code entities.classpath} are extracted under
     * {@code cache}'s {@code archives} directory.
     */
    public EntitySource entities(Path cache) {
        String unit = get("entities.persistence-unit").map(String::trim).orElse(null);
        List<String> packages = unit == null
                ? list(require("entities.packages", "to read the entity model"))
                : list(get("entities.packages").orElse(""));
        List<Path> classpath = EntityClasspath.parse(get("entities.classpath").orElse(""), baseDirectory, cache);
        Optional<SpringConfig.Applied> spring = springConfig();
        Naming naming = new Naming(get("entities.naming").orElse(spring.isPresent() ? "spring" : "jpa"))
                .withPhysical(spring.map(SpringConfig.Applied::physical).orElse(null))
                .withImplicit(spring.map(SpringConfig.Applied::implicit).orElse(null));
        naming = naming.withPhysical(get("entities.naming.physical").orElse(naming.physical()))
                .withImplicit(get("entities.naming.implicit").orElse(naming.implicit()));
        return new EntitySource(packages, classpath, naming, hibernate(unit, spring));
    }

    /**
     * What {@code entities.spring-config} gives the entity read, Retort's own keys having won over it;
     * empty without one.
     */
    private Optional<SpringConfig.Applied> springConfig() {
        Optional<Path> file = get("entities.spring-config").map(String::trim).map(this::resolve);
        if (file.isEmpty()) return Optional.empty();
        Set<String> own = new HashSet<>(ownHibernateSettings().keySet());
        propertiesFile().ifPresent(f -> own.addAll(keysOf(f)));
        return Optional.of(
                SpringConfig.read(file.get()).apply(own, get("entities.naming").orElse(null)));
    }

    /** The lines {@code check -v} prints about {@code entities.spring-config}: where each setting came from. */
    public List<String> springConfigNotes() {
        return springConfig().map(SpringConfig.Applied::notes).orElse(List.of());
    }

    /** The Spring config's settings, then the {@code entities.properties.*} keys, the properties file and the persistence unit. */
    private HibernateSettings hibernate(String unit, Optional<SpringConfig.Applied> spring) {
        Map<String, String> properties = new TreeMap<>();
        spring.ifPresent(s -> properties.putAll(s.settings()));
        properties.putAll(ownHibernateSettings());
        return HibernateSettings.of(properties)
                .withPropertiesFile(propertiesFile().orElse(null))
                .withPersistenceUnit(unit);
    }

    private Map<String, String> ownHibernateSettings() {
        Map<String, String> properties = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(HIBERNATE_PREFIX))
                properties.put(key.substring(HIBERNATE_PREFIX.length()), value.trim());
        });
        return properties;
    }

    private Optional<Path> propertiesFile() {
        return get("entities.properties-file").map(String::trim).map(this::resolve);
    }

    /** The keys of a Hibernate properties file (read as Hibernate reads it); none when it cannot be read, which the entity read then reports. */
    private static Set<String> keysOf(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
        return properties.stringPropertyNames();
    }

    private Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Settings{");
        values.forEach((k, v) -> text.append(k)
                .append('=')
                .append(k.equals("password") ? "***" : v)
                .append(", "));
        return text.append("file=").append(file.orElse(null)).append('}').toString();
    }
}
