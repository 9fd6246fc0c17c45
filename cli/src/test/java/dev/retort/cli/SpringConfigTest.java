package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entities.spring-config}: a Spring Boot application's {@code application.yml} or
 * {@code application.properties} gives the entity read its {@code spring.jpa.properties.*} and its naming,
 * with Spring Boot's defaults; Retort's own keys win; {@code check -v} says where each came from. Each
 * database is Hibernate's own export for the same entities and settings, so a clean check is the proof.
 */
class SpringConfigTest {
    private static final String NAMING = "dev.retort.fixtures.boot.naming";
    private static final String INSTANTS = "dev.retort.fixtures.boot.instants";
    private static final String SNAKE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
    private static final String SPRING_IMPLICIT = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
    private static final String JPA_IMPLICIT = "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
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
                        "entities.packages = " + entityPackage,
                        "entities.classpath = " + classpath,
                        String.join("\n", lines),
                        ""));
        return cli;
    }

    @Test
    void anApplicationYmlGivesItsHibernateSettingsAndLeavesOutWhatConnectsAndProfiles() throws Exception {
        db.execute(HibernateExport.createScript(
                INSTANTS, Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), List.of()));
        Cli cli = cli(INSTANTS, List.of(), "entities.spring-config = src/main/resources/application.yml");
        cli.write(
                "src/main/resources/application.yml",
                String.join(
                        "\n",
                        "spring:",
                        "  jpa:",
                        "    open-in-view: false",
                        "    properties:",
                        "      hibernate:",
                        "        type:",
                        "          preferred_instant_jdbc_type: TIMESTAMP",
                        "        hbm2ddl.auto: validate",
                        "        default_schema: ${DB_SCHEMA:public}",
                        "---",
                        "spring:",
                        "  config:",
                        "    activate:",
                        "      on-profile: prod",
                        "  jpa:",
                        "    properties:",
                        "      \"[hibernate.type.preferred_instant_jdbc_type]\": TIMESTAMP_UTC",
                        ""));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));

        Cli.Result verbose = cli.run("check", "-v");
        assertEquals(ExitCode.OK, verbose.code(), verbose.toString());
        String where = "Spring config " + workDir.resolve("src/main/resources/application.yml") + ": ";
        for (String line : List.of(
                where + "hibernate.type.preferred_instant_jdbc_type = TIMESTAMP from"
                        + " spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type",
                where + "spring.jpa.properties.hibernate.hbm2ddl.auto left out: refused: it would make Hibernate"
                        + " connect to a database or export a schema, and the entity read never touches a database",
                where + "physical naming Spring Boot's default, CamelCaseToUnderscoresNamingStrategy (no"
                        + " spring.jpa.hibernate.naming.physical-strategy)",
                where + "implicit naming Spring Boot's default, SpringImplicitNamingStrategy (no"
                        + " spring.jpa.hibernate.naming.implicit-strategy)",
                where + "spring.jpa.properties.hibernate.default_schema left out: its value holds a placeholder,"
                        + " which Retort does not resolve (give it with"
                        + " entities.properties.hibernate.default_schema)",
                where + "document 2 left out: it is activated by a profile")) {
            assertTrue(verbose.out().contains(line + "\n"), line + "\n" + verbose);
        }

        // Retort's own key wins over the Spring config's
        Cli own = cli(
                INSTANTS,
                List.of(),
                "entities.spring-config = src/main/resources/application.yml",
                "entities.properties.hibernate.type.preferred_instant_jdbc_type = TIMESTAMP_UTC");
        Cli.Result owned = own.run("check", "-v");
        assertEquals(ExitCode.FOUND, owned.code(), owned.toString());
        assertTrue(
                owned.out()
                        .contains(where + "spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type left to"
                                + " Retort's own hibernate.type.preferred_instant_jdbc_type\n"),
                owned.toString());
        assertTrue(
                owned.out().contains("alter column events.created: type timestamp(6) -> timestamptz(6)"),
                owned.toString());
    }

    @Test
    void anApplicationPropertiesGivesItsNamingStrategiesAndSpringBootsDefaults() throws Exception {
        db.execute(HibernateExport.createScript(
                NAMING,
                Map.of(
                        "hibernate.physical_naming_strategy",
                        SNAKE,
                        "hibernate.implicit_naming_strategy",
                        SPRING_IMPLICIT),
                HibernateExport.jars("spring")));
        List<Path> spring = HibernateExport.jars("spring");
        Cli defaults = cli(NAMING, spring, "entities.spring-config = application.properties");
        defaults.write("application.properties", "spring.jpa.open-in-view=false\n");
        assertEquals(Cli.CLEAN_CHECK, defaults.run("check"), "Spring Boot's pair when the file names none");

        Cli named = cli(NAMING, spring, "entities.spring-config = application.properties");
        named.write(
                "application.properties",
                "spring.jpa.hibernate.naming.physical-strategy=" + SNAKE + "\n"
                        + "spring.jpa.hibernate.naming.implicitStrategy=" + SPRING_IMPLICIT + "\n");
        Cli.Result verbose = named.run("check", "-v");
        assertEquals(ExitCode.OK, verbose.code(), verbose.toString());
        String where = "Spring config " + workDir.resolve("application.properties") + ": ";
        assertTrue(
                verbose.out()
                        .contains(where + "physical naming " + SNAKE
                                + " from spring.jpa.hibernate.naming.physical-strategy\n"),
                verbose.toString());
        assertTrue(
                verbose.out()
                        .contains(where + "implicit naming " + SPRING_IMPLICIT
                                + " from spring.jpa.hibernate.naming.implicit-strategy\n"),
                verbose.toString());

        Cli jpa = cli(NAMING, spring, "entities.spring-config = application.properties");
        jpa.write("application.properties", "spring.jpa.hibernate.naming.implicit-strategy=" + JPA_IMPLICIT + "\n");
        Cli.Result jpaResult = jpa.run("check");
        assertEquals(ExitCode.FOUND, jpaResult.code(), jpaResult.toString());
        assertTrue(jpaResult.out().contains("add table vets_specialties\n"), jpaResult.toString());
        assertTrue(jpaResult.out().contains("drop table vets_skills\n"), jpaResult.toString());

        // entities.naming wins over the file's strategies
        Cli own = cli(NAMING, spring, "entities.spring-config = application.properties", "entities.naming = spring");
        own.write("application.properties", "spring.jpa.hibernate.naming.implicit-strategy=" + JPA_IMPLICIT + "\n");
        assertEquals(Cli.CLEAN_CHECK, own.run("check"));
        assertTrue(own.run("check", "-v")
                .out()
                .contains(where + "naming left to Retort's own entities.naming = spring\n"));
    }

    @Test
    void aFileThatCannotBeReadIsOneLine() {
        Cli cli = cli(INSTANTS, List.of(), "entities.spring-config = application.yml");
        cli.write("application.yml", "spring:\n  jpa: [unclosed\n");
        Cli.Result result = cli.run("check");
        assertEquals(ExitCode.ERROR, result.code(), result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
        assertTrue(
                result.err()
                        .startsWith("error: entities.spring-config: " + workDir.resolve("application.yml")
                                + ": cannot be read: "),
                result.toString());

        Cli missing = cli(INSTANTS, List.of(), "entities.spring-config = nope.yml");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: entities.spring-config: " + workDir.resolve("nope.yml") + " not found\n"),
                missing.run("check"));
    }
}
