package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.tablegen.Ticket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's schema script inserts a {@code @TableGenerator}'s segment row beside its table; Retort
 * writes no rows, and the README says why that is safe: Hibernate's generator inserts the row itself,
 * with the same initial value, the first time it is used. Shown here with a real session factory.
 */
class TableGeneratorTest {
    private static final String ENTITIES = "dev.retort.fixtures.tablegen";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @Test
    void aMigratedDatabaseGivesTheIdsHibernatesOwnSchemaGives() throws Exception {
        db.reset();
        String script = HibernateExport.createScript(ENTITIES, Map.of(), List.of());
        assertTrue(script.contains("insert into id_blocks"), script);
        db.execute(script);
        List<Long> hibernates = persistThree();

        db.reset();
        Cli cli = new Cli(workDir);
        cli.configure(db, ENTITIES, "jpa");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "tickets").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM id_blocks"), "Retort writes no row");
        assertEquals(hibernates, persistThree());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    /** The ids a session factory on the test database gives three new tickets. */
    private static List<Long> persistThree() {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.url", db.url())
                .applySetting("hibernate.connection.username", "postgres")
                .applySetting("hibernate.hbm2ddl.auto", "none")
                .build();
        try (SessionFactory factory = new MetadataSources(registry)
                .addAnnotatedClass(Ticket.class)
                .buildMetadata()
                .buildSessionFactory()) {
            List<Long> ids = new ArrayList<>();
            factory.inTransaction(session -> {
                for (int i = 0; i < 3; i++) {
                    Ticket ticket = new Ticket();
                    ticket.title = "t" + i;
                    session.persist(ticket);
                    ids.add(ticket.id);
                }
            });
            return ids;
        }
    }
}
