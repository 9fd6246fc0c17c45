package dev.retort.lint;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import java.util.EnumMap;
import java.util.Map;

/**
 * The project's lint settings: each rule's severity ({@code lint.RULE = error|warning|off}, the default otherwise),
 * the default schema (for names in hand-written SQL), whether migrations run with a lock timeout
 * ({@code lock.ddl-timeout} other than 0; a migration's {@code @Timeouts(ddl = ...)} wins over it) and the database
 * the migrations run on, whose rules ({@link Rule#meaning}) and SQL lint reads them by; with {@code mySql}, a MariaDB
 * dialect's migrations are read by what MySQL does with them (a {@code jdbc:mysql:} url, or a server that says it is
 * MySQL).
 */
public record LintConfig(
        Map<Rule, Severity> severities, String defaultSchema, boolean lockTimeout, Dialect dialect, boolean mySql) {
    public static final LintConfig DEFAULT = new LintConfig(Map.of(), "public", true);

    public LintConfig {
        severities = severities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(severities));
        requireNonNull(dialect, "dialect");
        if (mySql && dialect != Dialect.MARIADB)
            throw new IllegalArgumentException("MySQL is read by MariaDB's dialect");
    }

    /** The settings for a database other than MySQL. */
    public LintConfig(Map<Rule, Severity> severities, String defaultSchema, boolean lockTimeout, Dialect dialect) {
        this(severities, defaultSchema, lockTimeout, dialect, false);
    }

    /** PostgreSQL's settings. */
    public LintConfig(Map<Rule, Severity> severities, String defaultSchema, boolean lockTimeout) {
        this(severities, defaultSchema, lockTimeout, Dialect.POSTGRESQL);
    }

    public Severity severity(Rule rule) {
        return severities.getOrDefault(rule, rule.defaultSeverity());
    }

    public LintConfig withDialect(Dialect dialect) {
        return new LintConfig(severities, defaultSchema, lockTimeout, dialect, mySql && dialect == Dialect.MARIADB);
    }

    /** The same settings read by what MySQL does ({@code mySql}) or MariaDB does, for a MariaDB dialect's project. */
    public LintConfig withMySql(boolean mySql) {
        return new LintConfig(severities, defaultSchema, lockTimeout, dialect, mySql && dialect == Dialect.MARIADB);
    }
}
