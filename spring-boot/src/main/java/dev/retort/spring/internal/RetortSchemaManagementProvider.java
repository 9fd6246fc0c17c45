package dev.retort.spring.internal;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Says the schema of the DataSource Retort migrates is managed, so that Hibernate's {@code ddl-auto}
 * defaults to {@code none} there (Spring Boot asks every provider before it picks a default).
 */
public final class RetortSchemaManagementProvider implements SchemaManagementProvider {
    private final Supplier<DataSource> migrated;

    /** {@code migrated} gives the DataSource Retort migrates, or null when it connects through {@code retort.url}. */
    public RetortSchemaManagementProvider(Supplier<DataSource> migrated) {
        this.migrated = migrated;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return dataSource != null && dataSource == migrated.get()
                ? SchemaManagement.MANAGED
                : SchemaManagement.UNMANAGED;
    }
}
