package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.library.Library;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hibernate as the oracle on MariaDB: the schema Hibernate's own export creates with its MariaDB dialect, run on a
 * fresh MariaDB database, checks clean through {@code retort check}.
 *
 * <p>Not here, because they cannot apply to MariaDB: {@code dev.retort.fixtures.mappings} (a {@code columnDefinition}
 * of PostgreSQL's {@code timestamp with time zone default now()}, a named enum type, a {@code @Struct} composite
 * type) and the {@code boot} models of PostgreSQL's arrays, structs and serials.
 */
class MariaDbEntityCheckTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the schemas are made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    /** The database product Hibernate's export maps for, with its major and minor version. */
    List<String> product() {
        return List.of("MariaDB", "10", "11");
    }

    /** What {@link #changes} expects, as the hazards of {@link #server}'s policy word it. */
    String worded(String expected) {
        return expected;
    }

    /** Hibernate's own DDL for the entities, for {@link #product}. */
    String script(String entityPackage, String naming) throws Exception {
        return createScript(entityPackage, naming, product());
    }

    @TempDir
    Path workDir;

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
        "dev.retort.fixtures.boot.andchecks,snake",
        "dev.retort.fixtures.boot.identities,snake",
        "dev.retort.fixtures.boot.inlinechecks,snake",
        "dev.retort.fixtures.boot.instants,snake",
        "dev.retort.fixtures.boot.namedkeys,snake",
        "dev.retort.fixtures.boot.ordering,snake",
        "dev.retort.fixtures.gauges,snake",
        "dev.retort.fixtures.online,snake",
        "dev.retort.fixtures.tablegen,snake",
        "dev.retort.fixtures.scenarios.checkenumv1,snake",
        "dev.retort.fixtures.scenarios.checkenumv2,snake",
        "dev.retort.fixtures.scenarios.mariadbjson,snake",
        "dev.retort.fixtures.scenarios.pkcolumns,snake",
        "dev.retort.fixtures.scenarios.uniquecolumn,snake"
    })
    void hibernatesOwnMariaDbSchemaChecksClean(String entities, String naming) throws Exception {
        db.execute(script(entities, naming));
        Cli cli = configured(entities, naming);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"), script(entities, naming));
    }

    /**
     * The application's own Hibernate (6.6, 7.2 on {@code entities.classpath}) maps for MariaDB too: the dialect
     * crosses into the reader's loader as a value, and each line's own MariaDB export checks clean.
     */
    @ParameterizedTest
    @ValueSource(strings = {"6.6", "7.2"})
    void withTheApplicationsHibernate(String line) throws Exception {
        String lines = "dev.retort.fixtures.boot.lines";
        Map<String, String> settings = Map.of(
                "jakarta.persistence.database-product-name",
                product().get(0),
                "jakarta.persistence.database-major-version",
                product().get(1),
                "jakarta.persistence.database-minor-version",
                product().get(2),
                "hibernate.physical_naming_strategy",
                line.startsWith("6.")
                        ? "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"
                        : PhysicalNamingStrategySnakeCaseImpl.class.getName());
        List<Path> jars = LineExport.jars(line);
        db.execute(LineExport.createScript(jars, Path.of(Cli.fixturesClasses()), lines, settings));
        Cli cli = configured(lines, "snake");
        String classpath =
                Cli.fixturesClasses() + jars.stream().map(j -> "," + j).collect(Collectors.joining());
        cli.write("retort.properties", cli.read("retort.properties").replace(Cli.fixturesClasses(), classpath));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        db.execute("ALTER TABLE playlists DROP COLUMN starts_at");
        Cli.Result changed = cli.run("check");
        assertEquals(ExitCode.FOUND, changed.code(), changed::toString);
        assertTrue(changed.out().contains("  add column playlists.starts_at time("), changed::toString);
    }

    /**
     * A hand-written MySQL schema declares its foreign keys without names (as spring-petclinic's {@code
     * db/mysql/schema.sql} does): MariaDB names each key {@code TABLE_ibfk_N} and the index it makes for it after the
     * key's first column, and such an index is no more a difference than one named after the key.
     */
    @Test
    void theIndexesMariaDbMakesForUnnamedForeignKeysAreNotDifferences() throws Exception {
        String named = script(Library.V1, "snake");
        String unnamed = named.replaceAll("(?i)add constraint \\w+ foreign key", "add foreign key");
        assertTrue(!unnamed.equals(named), named);
        db.execute(unnamed);
        assertEquals(Cli.CLEAN_CHECK, configured(Library.V1, "snake").run("check"), unnamed);
    }

    /**
     * A migration that indexes each foreign key column by a name of its own before adding the key (as genie's MySQL
     * Flyway migrations do: {@code APPLICATIONS_SETUP_FILE_INDEX}): InnoDB then uses that index for the key, where
     * Hibernate's table gets one named after the key, so it is no difference; a second index on the same column is
     * one.
     */
    @Test
    void anIndexAMigrationNamedForAForeignKeysColumnsIsNoDifference() throws Exception {
        String hibernates = script(Library.V1, "snake");
        String indexed = hibernates.replaceAll(
                "(?i)(alter table (?:if exists )?(\\w+) add constraint \\w+ foreign key \\((\\w+)\\))",
                "create index $2_$3_index on $2 ($3);\n$1");
        assertTrue(!indexed.equals(hibernates), hibernates);
        db.execute(indexed);
        assertEquals(Cli.CLEAN_CHECK, configured(Library.V1, "snake").run("check"), indexed);
        db.execute("CREATE INDEX loans_book_id_again ON loans (book_id)");
        Cli.Result twice = configured(Library.V1, "snake").run("check");
        assertEquals(ExitCode.FOUND, twice.code(), twice::toString);
        assertEquals(1, twice.out().split("drop index", -1).length - 1, twice::toString);
        assertTrue(twice.out().contains("  drop index loans (book_id)\n"), twice::toString);
    }

    /** One change made to Hibernate's schema per model, and exactly what check must list to undo it. */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(
                        Shop.V1,
                        "ALTER TABLE customers DROP COLUMN name",
                        "  add column customers.name varchar(100)\n"),
                Arguments.of(
                        Shop.V2,
                        "ALTER TABLE products MODIFY price decimal(10,2)",
                        "  alter column products.price: type numeric(10,2) -> numeric(12,2)\n"
                                // PostgreSQL widens a numeric in place; MariaDB copies the table
                                + "    HAZARD table-rewrite: changing the type of products.price (numeric(10,2) ->"
                                + " numeric(12,2)) copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED)\n"),
                Arguments.of(
                        Library.V1,
                        "ALTER TABLE books DROP CONSTRAINT books_isbn_length",
                        "  add check books char_length(isbn) >= 10\n"
                                + "    HAZARD long-lock: adding check books_isbn_length on books copies the table while"
                                + " writes wait (ALGORITHM=COPY, LOCK=SHARED) and fails on rows that violate it:"
                                + " MariaDB 10.11 has no online form for it\n"),
                Arguments.of(
                        Library.V2,
                        "ALTER TABLE members ALTER branch SET DEFAULT 'annex'",
                        "  alter column members.branch: default 'annex' -> 'main'\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("changes")
    void aChangedDatabaseReportsExactlyTheChange(String entities, String change, String expected) throws Exception {
        db.execute(script(entities, "snake"));
        db.execute(change);
        Cli.Result check = configured(entities, "snake").run("check");
        assertEquals(
                new Cli.Result(ExitCode.FOUND, "New upgrade operations detected:\n" + worded(expected), ""), check);
    }

    /**
     * {@code revision --autogenerate} on MariaDB writes the migration of the plan check lists: here the dropped
     * column and the changed default put back, and the migration compiles ({@code heads} compiles the folder).
     */
    @Test
    void revisionWritesTheMigrationOfThePlan() throws Exception {
        db.execute(script(Library.V2, "snake"));
        db.execute("ALTER TABLE members DROP COLUMN phone");
        db.execute("ALTER TABLE members ALTER branch SET DEFAULT 'annex'");
        Cli cli = configured(Library.V2, "snake");
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "members back", "--rev-id", "b1");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        String source = java.nio.file.Files.readString(migrationFile(cli));
        String upgrade = source.substring(
                source.indexOf("    public void upgrade"), source.indexOf("    @Override\n    public void downgrade"));
        assertEquals(
                String.join(
                        "\n",
                        "    public void upgrade(Ops op) {",
                        "        op.alterTable(\"members\", t -> {",
                        "            t.addColumn(column(\"phone\", \"varchar(30)\"));",
                        "            t.alterColumn(",
                        "                    column(\"branch\", \"varchar(40)\").defaultValue(\"'annex'\").notNull(),",
                        "                    column(\"branch\", \"varchar(40)\").defaultValue(\"'main'\").notNull());",
                        "        });",
                        worded(
                                "        // HAZARD fails-on-data: adding unique (phone) on members fails on duplicates, writes"
                                        + " going on while it builds (ALGORITHM=NOCOPY, LOCK=NONE)"),
                        "        op.addUnique(\"members\", unique(\"phone\"));",
                        "    }",
                        "",
                        ""),
                upgrade,
                source);
        Cli.Result heads = cli.run("heads");
        assertEquals(new Cli.Result(ExitCode.OK, "b1 (head)\n", ""), heads);
    }

    private static Path migrationFile(Cli cli) throws Exception {
        try (Stream<Path> files = java.nio.file.Files.walk(cli.workDir.resolve("migrations"))) {
            return files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
        }
    }

    /**
     * {@code check --dev} without a {@code dev.url} (the embedded server is PostgreSQL's) says to set one in one
     * line; the JSON document carries MariaDB's SQL, under {@code safety = online} its lock-safe forms.
     */
    @Test
    void checkDevWithoutDevUrlIsRefusedAndTheDocumentCarriesMariaDbsForms() throws Exception {
        db.execute(script(Shop.V1, "snake"));
        Cli cli = configured(Shop.V1, "snake");
        Cli.Result dev = cli.run("check", "--dev");
        assertEquals(ExitCode.ERROR, dev.code(), dev::toString);
        assertTrue(dev.err().startsWith("error: no dev.url configured"), dev::toString);
        assertEquals(1, dev.err().lines().count(), dev::toString);
        assertEquals(
                new Cli.Result(ExitCode.OK, "", ""),
                new Cli.Result(cli.run("check", "--format", "json").code(), "", ""),
                "a clean check's document holds no SQL");
        db.execute("ALTER TABLE customers DROP COLUMN name");
        Cli.Result json = cli.run("check", "--format", "json");
        assertEquals(ExitCode.FOUND, json.code(), json::toString);
        // the operation's SQL as MariaDB's renderer writes it, the object in the url's database
        assertTrue(json.out().contains("\"kind\": \"add-column\""), json::toString);
        assertTrue(json.out().contains("\"schema\": \"" + db.name() + "\""), json::toString);
        assertTrue(json.out().contains("\"ALTER TABLE `customers` ADD COLUMN `name` varchar(100)"), json::toString);
        assertTrue(json.out().contains("\"safety\": \"simple\""), json::toString);

        // online: the blocks carry MariaDB's forms; email made nullable takes the safe NOT NULL path, its proof a
        // statement that fails naming null rows, the MODIFY (with the added column's ADD) refusing to block writes
        db.execute("ALTER TABLE customers MODIFY email varchar(200) NULL");
        cli.write("retort.properties", cli.read("retort.properties") + "safety = online\n");
        Cli.Result online = cli.run("check", "--format", "json");
        assertEquals(ExitCode.FOUND, online.code(), online::toString);
        assertTrue(online.out().contains("\"safety\": \"online\""), online::toString);
        assertTrue(online.out().contains("holds null in "), online::toString);
        assertTrue(online.out().contains("ALGORITHM=INPLACE, LOCK=NONE"), online::toString);
        assertEquals("", online.err());
    }

    Cli configured(String entities, String naming) {
        Cli cli = new Cli(workDir);
        cli.configure(db.url(), entities, naming);
        return cli;
    }

    /**
     * Hibernate's own DDL for the entities with its MariaDB dialect (10.11), made as an application's Hibernate makes
     * it ({@link HibernateExport}: a session factory with the JPA {@code create} script action, so its column ordering
     * runs as in the application).
     */
    static String createScript(String entityPackage, String naming) throws Exception {
        return createScript(entityPackage, naming, List.of("MariaDB", "10", "11"));
    }

    static String createScript(String entityPackage, String naming, List<String> product) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.database-product-name", product.get(0));
        settings.put("jakarta.persistence.database-major-version", product.get(1));
        settings.put("jakarta.persistence.database-minor-version", product.get(2));
        if (naming.equals("snake"))
            settings.put("hibernate.physical_naming_strategy", PhysicalNamingStrategySnakeCaseImpl.class.getName());
        return HibernateExport.createScript(entityPackage, settings, List.of());
    }
}
