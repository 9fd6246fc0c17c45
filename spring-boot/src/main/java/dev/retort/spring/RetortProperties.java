package dev.retort.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Retort's start-up settings, the {@code retort.*} properties. */
@ConfigurationProperties("retort")
public class RetortProperties {
    /** Whether to run Retort's migrations at start-up. */
    private boolean enabled = true;

    /** The package that holds the application's migration classes (sub-packages included). */
    private String migrationsPackage;

    /** What to upgrade to at start-up: heads, head, a revision, LABEL@head, +N. */
    private String target = "heads";

    /**
     * The application's schemas, the first the default one: unqualified names in migrations
     * resolve to it, and the version table lives in it.
     */
    private List<String> schemas = new ArrayList<>(List.of("public"));

    /** The name of the version table (its history table is named after it). */
    private String versionTable = "retort_version";

    /** How long to wait for another instance's migration lock before failing start-up. */
    private Duration lockTimeout = Duration.ofMinutes(5);

    /** The lock and statement timeouts each migration's statements run under, {@code retort.lock.*}. */
    private final Lock lock = new Lock();

    /**
     * Whether to validate the applied revisions before upgrading and refuse to start on any problem
     * but an unverifiable (stamped) revision; the upgrade itself refuses edited, unknown and
     * inconsistent revisions either way.
     */
    private boolean validateOnMigrate = true;

    /** JDBC URL of a dedicated migration connection; default: the application's DataSource. */
    private String url;

    /** User of the dedicated migration connection (retort.url); default: the URL's. */
    private String user;

    /** Password of the dedicated migration connection (retort.url); default: the URL's. */
    private String password;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getMigrationsPackage() {
        return migrationsPackage;
    }

    public void setMigrationsPackage(String migrationsPackage) {
        this.migrationsPackage = migrationsPackage;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Lock getLock() {
        return lock;
    }

    /** {@code retort.lock.ddl-timeout} and {@code retort.lock.statement-timeout}. */
    public static class Lock {
        /**
         * How long each migration statement may wait for a lock on what it changes (PostgreSQL's lock_timeout,
         * set per migration), 0 for ever; a migration's @Timeouts overrides it.
         */
        private Duration ddlTimeout = Duration.ofSeconds(5);

        /**
         * How long each migration statement may run (PostgreSQL's statement_timeout, set per migration), 0 for
         * ever; default: the connection's own setting. A migration's @Timeouts overrides it.
         */
        private Duration statementTimeout;

        public Duration getDdlTimeout() {
            return ddlTimeout;
        }

        public void setDdlTimeout(Duration ddlTimeout) {
            this.ddlTimeout = ddlTimeout;
        }

        public Duration getStatementTimeout() {
            return statementTimeout;
        }

        public void setStatementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
        }
    }

    public boolean isValidateOnMigrate() {
        return validateOnMigrate;
    }

    public void setValidateOnMigrate(boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
