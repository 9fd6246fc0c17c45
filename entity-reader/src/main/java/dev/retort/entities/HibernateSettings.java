package dev.retort.entities;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application's own Hibernate settings, passed to Hibernate's boot: keys given one by one
 * ({@code entities.properties.KEY}), a file read as {@code hibernate.properties}
 * ({@code entities.properties-file}; its keys lose to the ones given one by one), and a persistence
 * unit of a {@code META-INF/persistence.xml} on the entity class path
 * ({@code entities.persistence-unit}; its properties lose to both).
 *
 * <p>Only {@code hibernate.*} and {@code jakarta.persistence.*} keys are taken, and none that would
 * make Hibernate connect to a database or export a schema: the entity read never touches a
 * database.
 */
public record HibernateSettings(Map<String, String> properties, Path propertiesFile, String persistenceUnit) {
    /** The prefix of the keys given one by one in {@code retort.properties}. */
    public static final String PREFIX = "entities.properties.";

    public static final HibernateSettings NONE = new HibernateSettings(Map.of(), null, null);

    public HibernateSettings {
        properties = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(properties, "properties")));
        for (String key : properties.keySet()) {
            String problem = SettingRules.problem(key);
            if (problem != null) throw new EntityException.BadSetting(PREFIX + key, problem, null);
        }
        if (persistenceUnit != null && persistenceUnit.isBlank()) persistenceUnit = null;
        if (persistenceUnit != null) persistenceUnit = persistenceUnit.trim();
    }

    /**
     * Why a key cannot be passed to Hibernate (not a {@code hibernate.*} or {@code jakarta.persistence.*}
     * key, or one that would connect or export), or null when it can.
     */
    public static String problem(String key) {
        return SettingRules.problem(key);
    }

    /** The settings given one by one, keyed without {@link #PREFIX}. */
    public static HibernateSettings of(Map<String, String> properties) {
        return new HibernateSettings(properties, null, null);
    }

    /** These settings with a file read as {@code hibernate.properties}, or none for null. */
    public HibernateSettings withPropertiesFile(Path file) {
        return new HibernateSettings(properties, file, persistenceUnit);
    }

    /**
     * These settings mapping the entities as Hibernate does for a MySQL server, 8.4 (its dialect's checks, generators
     * as tables, types), unless they name a Hibernate dialect or database product themselves; without this the
     * MariaDB dialect maps them for MariaDB.
     */
    public HibernateSettings forMySql() {
        if (properties.containsKey("hibernate.dialect")
                || properties.containsKey("jakarta.persistence.database-product-name")) return this;
        Map<String, String> mysql = new TreeMap<>(properties);
        mysql.put("jakarta.persistence.database-product-name", "MySQL");
        mysql.put("jakarta.persistence.database-major-version", "8");
        mysql.put("jakarta.persistence.database-minor-version", "4");
        return new HibernateSettings(mysql, propertiesFile, persistenceUnit);
    }

    /** These settings with the persistence unit of that name, or none for null. */
    public HibernateSettings withPersistenceUnit(String name) {
        return new HibernateSettings(properties, propertiesFile, name);
    }
}
