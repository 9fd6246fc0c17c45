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
import org.hibernate.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The entities read with the application's own Hibernate ORM when {@code entities.classpath} holds
 * one (6.6, 7.2), otherwise with the bundled one (7.4): the same classes, whose DDL differs under
 * each line, checked against each line's own schema export ({@link LineExport}) loaded as the
 * database.
 */
class HibernateLineTest {
    private static final String LINES = "dev.retort.fixtures.boot.lines";
    /** Spring Boot's physical naming under each line's own name for it. */
    private static final String SNAKE_6 = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

    private static final String SNAKE_7 = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    private static String export(String line) throws Exception {
        return export(line, LINES);
    }

    private static String export(String line, String entities) throws Exception {
        Path classes = Path.of(Cli.fixturesClasses());
        Map<String, String> naming = Map.of("hibernate.physical_naming_strategy", snake(line));
        if (line.equals("bundled")) return HibernateExport.createScript(entities, Map.copyOf(naming), List.of());
        return LineExport.createScript(LineExport.jars(line), classes, entities, naming);
    }

    /** Spring Boot's physical naming as the line names it. */
    private static String snake(String line) {
        return line.startsWith("6.") ? SNAKE_6 : SNAKE_7;
    }

    private Cli cli(List<Path> jars) {
        return cli(jars, LINES);
    }

    private Cli cli(List<Path> jars, String entities) {
        Cli cli = new Cli(workDir);
        String classpath =
                Cli.fixturesClasses() + jars.stream().map(j -> "," + j).collect(Collectors.joining());
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "migrations.dir = migrations",
                        "entities.packages = " + entities,
                        "entities.classpath = " + classpath,
                        "entities.naming = snake",
                        ""));
        return cli;
    }

    @Test
    void eachLineExportsItsOwnDdl() throws Exception {
        String six = export("6.6");
        String seven = export("7.2");
        String bundled = export("bundled");
        assertTrue(six.contains("starts_at time(6)"), six);
        assertTrue(seven.contains("starts_at time(0)"), seven);
        assertTrue(seven.contains("revision integer,"), seven);
        assertTrue(bundled.contains("revision integer not null"), bundled);
        assertTrue(bundled.contains("position integer not null check ((position>=0))"), bundled);
        assertTrue(bundled.contains("unique (playlist_id, mood)"), bundled);
    }

    @Test
    void withHibernateSixSix() throws Exception {
        db.execute(export("6.6"));
        assertEquals(Cli.CLEAN_CHECK, cli(LineExport.jars("6.6")).run("check"));
    }

    @Test
    void withHibernateSevenTwo() throws Exception {
        db.execute(export("7.2"));
        assertEquals(Cli.CLEAN_CHECK, cli(LineExport.jars("7.2")).run("check"));
    }

    @Test
    void withTheBundledHibernate() throws Exception {
        db.execute(export("bundled"));
        assertEquals(Cli.CLEAN_CHECK, cli(List.of()).run("check"));
    }

    /** A {@code @Struct} embeddable is the same composite type under each line, read by each line's own reader. */
    @ParameterizedTest
    @ValueSource(strings = {"6.6", "7.2"})
    void structEmbeddablesOnEachLine(String line) throws Exception {
        String structs = "dev.retort.fixtures.boot.structs";
        String script = export(line, structs);
        assertTrue(
                script.contains("create type postal_address as (zip integer, street varchar(80), city varchar(255));"),
                script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli(LineExport.jars(line), structs).run("check"));
        db.reset();
        Cli.Result empty = cli(LineExport.jars(line), structs).run("check");
        assertTrue(
                empty.out()
                        .contains("  add type postal_address (zip integer, street varchar(80), city varchar(255))\n"),
                empty.toString());
    }

    @Test
    void anotherLineSeesTheDifferences() throws Exception {
        db.execute(export("6.6"));
        Cli.Result seven = cli(LineExport.jars("7.2")).run("check");
        assertEquals(ExitCode.FOUND, seven.code(), seven.toString());
        assertTrue(seven.out().contains("alter column playlists.starts_at: type time(6) -> time(0)"), seven.toString());

        db.reset();
        db.execute(export("7.2"));
        Cli.Result bundled = cli(List.of()).run("check");
        assertEquals(ExitCode.FOUND, bundled.code(), bundled.toString());
        for (String line : List.of(
                "alter column playlists.revision: nullable -> NOT NULL",
                "add check playlist_tags position>=0",
                "add check tracks track_order>=0",
                "add unique playlist_moods (playlist_id, mood)")) {
            assertTrue(bundled.out().contains(line), line + "\n" + bundled);
        }
    }

    @Test
    void verboseCheckSaysWhichHibernate() throws Exception {
        db.execute(export("6.6"));
        List<Path> six = LineExport.jars("6.6");
        Path core = six.stream()
                .filter(jar -> jar.getFileName().toString().startsWith("hibernate-core-"))
                .findFirst()
                .orElseThrow();
        Cli.Result result = cli(six).run("check", "-v");
        assertEquals(ExitCode.OK, result.code(), result.toString());
        assertTrue(
                result.out()
                        .startsWith("Entities read by Hibernate ORM 6.6.15.Final (the application's: " + core
                                + "): 2 entity classes, 2 mapped classes in all\n"),
                result.toString());
        Cli.Result bundled = cli(List.of()).run("check", "-v");
        assertTrue(
                bundled.out()
                        .startsWith("Entities read by Hibernate ORM " + Version.getVersionString() + " (bundled): "),
                bundled.toString());
    }

    /** Found on Spring Boot 3.5's JPA sample (Hibernate 6.6.53): {@code -v} named 7.x's class, which 6.6 lacks. */
    @Test
    void verboseCheckNamesTheNamingStrategiesOfTheApplicationsHibernate() throws Exception {
        db.execute(export("6.6"));
        Cli.Result six = cli(LineExport.jars("6.6")).run("check", "-v");
        assertEquals(ExitCode.OK, six.code(), six.toString());
        assertTrue(
                six.out()
                        .contains(
                                "\nNaming: physical " + SNAKE_6
                                        + ", implicit org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl\n"),
                six.toString());
        Cli.Result seven = cli(LineExport.jars("7.2")).run("check", "-v");
        assertTrue(seven.out().contains("\nNaming: physical " + SNAKE_7 + ", implicit "), seven.toString());
    }

    @Test
    void anUnsupportedLineIsAOneLineError() {
        Path five = HibernateExport.jars("hibernate5").get(0);
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: entities.classpath holds Hibernate ORM 5.6.15.Final (" + five + "): Retort reads"
                                + " entities with an application's Hibernate ORM 6.6 or later or 7.x, or with its"
                                + " bundled " + Version.getVersionString() + " when entities.classpath holds no"
                                + " hibernate-core\n"),
                cli(List.of(five)).run("check"));
    }

    @Test
    void theApplicationsHibernateWithoutItsDependenciesNamesWhatIsMissing() {
        List<Path> core = LineExport.jars("7.2").subList(0, 1);
        Cli.Result result = cli(core).run("check");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: the entities need jakarta.persistence.Entity, which is not on entities.classpath\n"),
                result);
    }

    @Test
    void beanValidationWithHibernateSixSix() throws Exception {
        String validation = "dev.retort.fixtures.boot.validation";
        List<Path> jars = new ArrayList<>(LineExport.jars("6.6"));
        jars.addAll(LineExport.jars("6.6-validation"));
        String script = LineExport.createScript(
                jars,
                Path.of(Cli.fixturesClasses()),
                validation,
                Map.of("jakarta.persistence.validation.mode", "auto"));
        assertTrue(script.contains("name varchar(255) not null"), script);
        db.execute(script);
        Cli cli = cli(jars);
        // Hibernate's own naming, as the export above
        cli.write(
                "retort.properties",
                cli.read("retort.properties").replace(LINES, validation).replace("entities.naming = snake", ""));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.6", "7.2"})
    void aPersistenceUnitOnEachLine(String line) throws Exception {
        db.execute(export(line));
        Cli cli = cli(LineExport.jars(line));
        cli.write("unit/META-INF/persistence.xml", """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="Music">
                    <class>dev.retort.fixtures.boot.lines.Playlist</class>
                    <class>dev.retort.fixtures.boot.lines.Track</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="hibernate.physical_naming_strategy" value="%s"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """.formatted(snake(line)));
        cli.write(
                "retort.properties",
                cli.read("retort.properties")
                        .replace("entities.packages = " + LINES, "entities.persistence-unit = Music")
                        .replace("entities.naming = snake", "")
                        .replace("entities.classpath = ", "entities.classpath = " + workDir.resolve("unit") + ","));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        // -v reads the unit beside the application's Hibernate too (its JAXB, as Cargo Tracker's unit showed)
        Cli.Result verbose = cli.run("check", "-v");
        assertEquals(ExitCode.OK, verbose.code(), verbose.toString());
        assertTrue(verbose.out().contains("\nNaming: physical " + snake(line) + ", implicit "), verbose.toString());
    }

    @Test
    void validationModeDdlWithoutTheApplicationsBeanValidationApiIsAnError() {
        Cli cli = cli(LineExport.jars("7.2"));
        cli.write(
                "retort.properties",
                cli.read("retort.properties") + "entities.properties.jakarta.persistence.validation.mode = ddl\n");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: jakarta.persistence.validation.mode: ddl needs the Bean Validation API"
                                + " (jakarta.validation) and a provider (Hibernate Validator) on entities.classpath,"
                                + " and there is neither\n"),
                cli.run("check"));
    }
}
