package dev.retort.entities;

import java.util.List;
import java.util.Set;

/**
 * Which Hibernate settings Retort passes to Hibernate: {@code hibernate.*} and
 * {@code jakarta.persistence.*} keys, none that would make it connect to a database or export a
 * schema.
 */
final class SettingRules {
    /** Keys that would let Hibernate reach a database or write a schema somewhere. */
    private static final Set<String> REFUSED = Set.of(
            "hibernate.boot.allow_jdbc_metadata_access",
            "hibernate.temp.use_jdbc_metadata_defaults",
            "hibernate.hbm2ddl.auto",
            "jakarta.persistence.jtaDataSource",
            "jakarta.persistence.nonJtaDataSource",
            "jakarta.persistence.schema-generation-connection",
            "jakarta.persistence.schema-generation.database.action",
            "jakarta.persistence.schema-generation.scripts.action",
            "jakarta.persistence.schema-generation.scripts.create-target",
            "jakarta.persistence.schema-generation.scripts.drop-target");

    private static final List<String> REFUSED_PREFIXES = List.of("hibernate.connection", "jakarta.persistence.jdbc.");

    private SettingRules() {}

    /** Why Retort cannot pass this key to Hibernate, or null when it can. */
    static String problem(String key) {
        if (!key.startsWith("hibernate.") && !key.startsWith("jakarta.persistence.")) {
            return "not a Hibernate setting: only hibernate.* and jakarta.persistence.* keys are passed to Hibernate";
        }
        if (connectsOrExports(key)) {
            return "refused: it would make Hibernate connect to a database or export a schema, and the entity read"
                    + " never touches a database";
        }
        return null;
    }

    /** Whether the key would make Hibernate connect or export (left out of a persistence unit's properties). */
    static boolean connectsOrExports(String key) {
        return REFUSED.contains(key) || REFUSED_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
