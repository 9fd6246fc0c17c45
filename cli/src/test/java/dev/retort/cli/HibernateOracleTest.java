package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.classpath.ClassScanner;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.library.Library;
import dev.retort.fixtures.shop.Shop;
import jakarta.persistence.Entity;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hibernate as the oracle: the schema Hibernate itself would create for the entities, loaded into
 * an empty database, must give a clean {@code check}. Any difference is a false positive of ours.
 */
class HibernateOracleTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @ParameterizedTest(name = "{0} with {1} naming")
    @CsvSource({
        Shop.V1 + ",snake",
        Shop.V2 + ",snake",
        Shop.V1 + ",jpa",
        Shop.V2 + ",jpa",
        Library.V1 + ",snake",
        Library.V2 + ",snake",
        Library.V1 + ",jpa",
        Library.V2 + ",jpa",
        "dev.retort.fixtures.mappings,snake",
        "dev.retort.fixtures.mappings,jpa"
    })
    void hibernatesOwnSchemaChecksClean(String entities, String naming) throws Exception {
        db.execute(hibernateCreateScript(entities, naming));
        Cli cli = new Cli(workDir);
        cli.configure(db, entities, naming);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    /**
     * Beside a named enum Hibernate's export creates implicit casts with varchar; Retort's
     * migration creates the same ones, and its downgrade drops them with the type.
     */
    @Test
    void theMigrationCreatesTheEnumCastsHibernatesSchemaHas() throws Exception {
        String mappings = "dev.retort.fixtures.mappings";
        db.execute(hibernateCreateScript(mappings, "snake"));
        List<String> hibernates = enumCasts();
        assertEquals(List.of("character varying -> priority", "priority -> character varying"), hibernates);
        db.reset();
        Cli cli = new Cli(workDir);
        cli.configure(db, mappings, "snake");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "initial").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(hibernates, enumCasts());
        assertEquals(ExitCode.OK, cli.run("downgrade", "base").code());
        assertEquals(List.of(), enumCasts());
    }

    /** The casts between an enum type of the public schema and varchar, as "source -> target". */
    private static List<String> enumCasts() throws SQLException {
        return db.query("SELECT format_type(c.castsource, NULL) || ' -> ' || format_type(c.casttarget, NULL)"
                + " FROM pg_cast c JOIN pg_type t ON t.oid IN (c.castsource, c.casttarget)"
                + " JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typtype = 'e' AND n.nspname = 'public' AND c.castmethod = 'i' AND c.castcontext = 'i'"
                + " ORDER BY 1");
    }

    private String hibernateCreateScript(String entityPackage, String naming) throws Exception {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
                .applySetting("jakarta.persistence.database-major-version", "15")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entityClasses(entityPackage)) sources.addAnnotatedClass(entity);
            MetadataBuilder builder = sources.getMetadataBuilder();
            if (naming.equals("snake")) builder.applyPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
            Metadata metadata = builder.build();
            // Hibernate's own DDL generator (what hbm2ddl.auto=create runs), asked for the script only
            return String.join(";\n", new SchemaCreatorImpl(registry).generateCreationCommands(metadata, false));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static List<Class<?>> entityClasses(String entityPackage) throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = HibernateOracleTest.class.getClassLoader();
        for (String name : ClassScanner.classNames(loader, List.of(), entityPackage)) {
            Class<?> type = Class.forName(name, false, loader);
            if (type.isAnnotationPresent(Entity.class)) classes.add(type);
        }
        return classes;
    }
}
