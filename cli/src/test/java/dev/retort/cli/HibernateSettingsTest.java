package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's Hibernate settings, Bean Validation, Spring Boot's naming pair and Hibernate's
 * column order, each against Hibernate's own DDL for the same entities and settings
 * ({@link HibernateExport}): loaded as the database, {@code check} must find nothing.
 */
class HibernateSettingsTest {
    private static final String VALIDATION = "dev.retort.fixtures.boot.validation";
    private static final String NAMING = "dev.retort.fixtures.boot.naming";
    private static final String ORDERING = "dev.retort.fixtures.boot.ordering";
    private static final String INSTANTS = "dev.retort.fixtures.boot.instants";
    private static final String SNAKE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
    private static final String SPRING_IMPLICIT = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    private static List<Path> validationJars() {
        List<Path> jars = new ArrayList<>(HibernateExport.jars("validation"));
        jars.addAll(HibernateExport.jars("el"));
        return jars;
    }

    private Cli cli(String entityPackage, List<Path> jars, String... lines) {
        Cli cli = new Cli(workDir);
        String classpath =
                Cli.fixturesClasses() + jars.stream().map(j -> "," + j).collect(Collectors.joining());
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "migrations.dir = migrations",
                        "entities.packages = " + entityPackage,
                        "entities.classpath = " + classpath,
                        String.join("\n", lines),
                        ""));
        return cli;
    }

    @Test
    void beanValidationIsAppliedAsHibernateAppliesIt() throws Exception {
        String script = HibernateExport.createScript(VALIDATION, Map.of(), validationJars());
        // what Hibernate Validator adds, and what it leaves alone: the embeddable without @Valid
        assertTrue(script.contains("name varchar(255) not null"), script);
        assertTrue(script.contains("file varchar(1024) not null"), script);
        assertTrue(script.contains("cpu integer check ((cpu>=1))"), script);
        assertTrue(script.contains("cost numeric(12,2)"), script);
        assertTrue(script.contains("unlocode varchar(255),"), script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli(VALIDATION, validationJars()).run("check"));

        // without a provider on entities.classpath, Hibernate (and Retort) apply nothing
        Cli.Result without = cli(VALIDATION, List.of()).run("check");
        assertEquals(ExitCode.FOUND, without.code(), without.toString());
        for (String line : List.of(
                "alter column locations.name: NOT NULL -> nullable",
                "alter column jobs.location_id: NOT NULL -> nullable",
                "alter column jobs.file: type varchar(1024) -> varchar(255)",
                "alter column jobs.note: type varchar(40) -> varchar(255)",
                // through @Valid, Hibernate applies the embeddable's @Max, but not its @NotNull
                "drop check jobs ((widthmm <= 10000))",
                "drop check jobs ((cpu >= 1))")) {
            assertTrue(without.out().contains(line), line + "\n" + without);
        }
    }

    @Test
    void validationModeNoneAndApplyToDdlFalseTurnItOff() throws Exception {
        db.execute(HibernateExport.createScript(
                VALIDATION, Map.of("jakarta.persistence.validation.mode", "none"), validationJars()));
        assertEquals(
                Cli.CLEAN_CHECK,
                cli(VALIDATION, validationJars(), "entities.properties.jakarta.persistence.validation.mode = none")
                        .run("check"));
        assertEquals(
                Cli.CLEAN_CHECK,
                cli(VALIDATION, validationJars(), "entities.properties.hibernate.validator.apply_to_ddl = false")
                        .run("check"));
    }

    @Test
    void validationThatCannotStartIsAnError() {
        Cli.Result ddl = cli(VALIDATION, List.of(), "entities.properties.jakarta.persistence.validation.mode = ddl")
                .run("check");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: jakarta.persistence.validation.mode: ddl needs a Bean Validation provider (Hibernate"
                                + " Validator) on entities.classpath, and there is none\n"),
                ddl);
        Cli.Result noEl = cli(VALIDATION, HibernateExport.jars("validation")).run("check");
        assertEquals(ExitCode.ERROR, noEl.code(), noEl.toString());
        assertTrue(
                noEl.err()
                        .startsWith("error: Bean Validation: the validator factory on entities.classpath cannot be"
                                + " built (Hibernate Validator needs a Jakarta Expression Language implementation"),
                noEl.toString());
        assertEquals(1, noEl.err().lines().count(), noEl.toString());
    }

    @Test
    void springNamingIsSpringBootsPair() throws Exception {
        String script = HibernateExport.createScript(
                NAMING,
                Map.of(
                        "hibernate.physical_naming_strategy",
                        SNAKE,
                        "hibernate.implicit_naming_strategy",
                        SPRING_IMPLICIT),
                HibernateExport.jars("spring"));
        assertTrue(
                script.contains("create table note_tags (notes_id bigint not null, tags_id bigint not null)"), script);
        assertTrue(script.contains("create table vets_skills"), script);
        db.execute(script);
        // Spring's own class when the entity class path has it, Retort's statement of its rule otherwise
        assertEquals(
                Cli.CLEAN_CHECK,
                cli(NAMING, HibernateExport.jars("spring"), "entities.naming = spring")
                        .run("check"));
        assertEquals(
                Cli.CLEAN_CHECK,
                cli(NAMING, List.of(), "entities.naming = spring").run("check"));
        assertEquals(
                Cli.CLEAN_CHECK,
                cli(
                                NAMING,
                                HibernateExport.jars("spring"),
                                "entities.naming.physical = " + SNAKE,
                                "entities.naming.implicit = " + SPRING_IMPLICIT)
                        .run("check"));
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: entities.naming.implicit: " + SNAKE + " is not a Hibernate ImplicitNamingStrategy\n"),
                cli(NAMING, List.of(), "entities.naming.implicit = " + SNAKE).run("check"));
        Cli.Result snake = cli(NAMING, List.of(), "entities.naming = snake").run("check");
        assertTrue(snake.out().contains("add table vets_specialties"), snake.toString());
        assertTrue(snake.out().contains("drop table vets_skills"), snake.toString());
        assertTrue(snake.out().contains("add table note_tag\n"), snake.toString());
    }

    @Test
    void keysAndTablesInHibernatesColumnOrder() throws Exception {
        String script = HibernateExport.createScript(ORDERING, Map.of(), List.of());
        assertTrue(script.contains("primary key (group_id, owner_id)"), script);
        assertTrue(script.contains("primary key (argument_order, owner_id)"), script);
        assertTrue(script.contains("primary key (owner_id, game)"), script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli(ORDERING, List.of()).run("check"));
    }

    @Test
    void legacyColumnOrderingKeepsTheMappingsOrder() throws Exception {
        String script = HibernateExport.createScript(
                ORDERING, Map.of("hibernate.column_ordering_strategy", "legacy"), List.of());
        assertTrue(script.contains("primary key (owner_id, group_id)"), script);
        db.execute(script);
        assertEquals(
                Cli.CLEAN_CHECK,
                cli(ORDERING, List.of(), "entities.properties.hibernate.column_ordering_strategy = legacy")
                        .run("check"));
    }

    @Test
    void preferredInstantTypeFromTheSettingsAndFromAFile() throws Exception {
        db.execute(HibernateExport.createScript(
                INSTANTS, Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), List.of()));
        assertEquals(
                Cli.CLEAN_CHECK,
                cli(INSTANTS, List.of(), "entities.properties.hibernate.type.preferred_instant_jdbc_type = TIMESTAMP")
                        .run("check"));
        Cli.Result without = cli(INSTANTS, List.of()).run("check");
        assertEquals(ExitCode.FOUND, without.code(), without.toString());
        assertTrue(
                without.out().contains("alter column events.created: type timestamp(6) -> timestamptz(6)"),
                without.toString());

        Cli cli = cli(INSTANTS, List.of(), "entities.properties-file = hibernate.properties");
        cli.write("hibernate.properties", "hibernate.type.preferred_instant_jdbc_type=TIMESTAMP\n");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        // the keys given one by one win over the file's
        cli = cli(
                INSTANTS,
                List.of(),
                "entities.properties-file = hibernate.properties",
                "entities.properties.hibernate.type.preferred_instant_jdbc_type = TIMESTAMP_UTC");
        cli.write("hibernate.properties", "hibernate.type.preferred_instant_jdbc_type=TIMESTAMP\n");
        assertEquals(ExitCode.FOUND, cli.run("check").code());
    }

    @Test
    void settingsThatConnectOrExportAreRefused() {
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: entities.properties.hibernate.connection.url: refused: it would make Hibernate connect"
                                + " to a database or export a schema, and the entity read never touches a database\n"),
                cli(INSTANTS, List.of(), "entities.properties.hibernate.connection.url = jdbc:postgresql://x/y")
                        .run("check"));
        assertEquals(
                ExitCode.ERROR,
                cli(INSTANTS, List.of(), "entities.properties.hibernate.hbm2ddl.auto = create")
                        .run("check")
                        .code());
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: entities.properties.spring.jpa.open-in-view: not a Hibernate setting: only hibernate.*"
                                + " and jakarta.persistence.* keys are passed to Hibernate\n"),
                cli(INSTANTS, List.of(), "entities.properties.spring.jpa.open-in-view = false")
                        .run("check"));
        Cli cli = cli(INSTANTS, List.of(), "entities.properties-file = hibernate.properties");
        cli.write("hibernate.properties", "jakarta.persistence.jdbc.url=jdbc:postgresql://x/y\n");
        Cli.Result fromFile = cli.run("check");
        assertEquals(
                "error: " + workDir.resolve("hibernate.properties") + ": jakarta.persistence.jdbc.url: refused: it"
                        + " would make Hibernate connect to a database or export a schema, and the entity read never"
                        + " touches a database\n",
                fromFile.err());
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: hibernate.dialect: org.hibernate.dialect.H2Dialect is not a PostgreSQL dialect: Retort"
                                + " reads the entities as Hibernate maps them for PostgreSQL\n"),
                cli(INSTANTS, List.of(), "entities.properties.hibernate.dialect = org.hibernate.dialect.H2Dialect")
                        .run("check"));
    }

    @Test
    void aPersistenceUnitGivesItsClassesAndProperties() throws Exception {
        db.execute(HibernateExport.createScript(
                INSTANTS, Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), List.of()));
        Path unit = workDir.resolve("unit");
        Cli cli = new Cli(workDir);
        cli.write("unit/META-INF/persistence.xml", """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
                  <persistence-unit name="Events" transaction-type="JTA">
                    <jta-data-source>java:app/jdbc/Events</jta-data-source>
                    <class>dev.retort.fixtures.boot.instants.Event</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="create"/>
                      <property name="hibernate.type.preferred_instant_jdbc_type" value="TIMESTAMP"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """);
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "migrations.dir = migrations",
                        "entities.classpath = " + Cli.fixturesClasses() + "," + unit,
                        "entities.persistence-unit = Events",
                        ""));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        cli.write("retort.properties", cli.read("retort.properties").replace("= Events", "= Other"));
        Cli.Result other = cli.run("check");
        assertEquals(ExitCode.ERROR, other.code(), other.toString());
        assertTrue(
                other.err().startsWith("error: entities.persistence-unit: no persistence unit named 'Other' in ["),
                other.toString());
        assertTrue(other.err().endsWith(" (units: Events)\n"), other.toString());
    }
}
