package dev.retort.cli;

import dev.retort.FileException;
import dev.retort.RetortException;
import dev.retort.cli.config.SettingsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort init [DIR]}: creates the migrations folder and a commented {@code retort.properties}. */
@Command(
        name = "init",
        description = "Create the migrations folder DIR and a commented retort.properties; never overwrites.")
final class InitCommand extends Subcommand {
    @Parameters(
            index = "0",
            defaultValue = "migrations",
            paramLabel = "DIR",
            description = "Migrations folder (default: migrations).")
    String directory;

    @Override
    public Integer call() throws IOException {
        Path config = root.workDir
                .resolve(root.config != null ? root.config : SettingsLoader.DEFAULT_FILE)
                .normalize();
        Path folder = root.workDir.resolve(directory).normalize();
        if (Files.exists(config)) {
            throw new RetortException(config + " already exists; init never overwrites it");
        }
        if (Files.isDirectory(folder) && !isEmpty(folder)) {
            throw new RetortException(
                    "directory " + folder + " already exists and is not empty; init never overwrites it");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new FileException("cannot create the migrations folder", folder, e);
        }
        root.info("Creating directory " + folder + " ... done");
        try {
            Files.writeString(
                    config, template(config.getParent().relativize(folder).toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileException("cannot write", config, e);
        }
        root.info("Generating " + config + " ... done");
        root.info("Please edit the database and entity settings in " + config + " before proceeding.");
        return ExitCode.OK;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String template(String migrationsDir) {
        return """
                # Retort configuration. Every key can be overridden by the environment variable
                # RETORT_<KEY> (dots become underscores: RETORT_MIGRATIONS_DIR) and by command-line
                # flags (--url, --user, --password, -x key=value). ${env:NAME} expands a variable.

                # The application's database to migrate (JDBC URL), and who connects: name your own
                # database and role (not the server's maintenance database, postgres).
                url = jdbc:postgresql://127.0.0.1:5432/app
                user = app
                # Keep the password out of this file: set RETORT_PASSWORD, or reference a variable.
                # password = ${env:DB_PASSWORD}

                # Schemas to compare, comma-separated; the first is the default schema.
                schemas = public

                # Where the migration classes live (relative to this file), and their Java package.
                migrations.dir = %s
                migrations.package = migrations

                # The JPA entities: packages to scan (comma-separated, sub-packages included), the
                # compiled classes that hold them (directories or jars, comma-separated, relative to
                # this file), and the naming strategy: jpa (Hibernate's default), snake (Spring Boot's),
                # or the class name of a Hibernate PhysicalNamingStrategy.
                # entities.packages = com.example.domain
                # entities.classpath = target/classes
                entities.naming = jpa

                # Objects check and autogenerate leave alone, KIND:GLOB, comma-separated (kinds: table,
                # column as table.column, index, primary-key, unique, foreign-key, check, constraint,
                # sequence, enum). Flyway's and Liquibase's own tables are left alone unless
                # compare.exclude-tool-tables = false.
                # compare.exclude = index:*_search_idx, table:audit_*

                # The table that records the revisions the database is at, and its schema
                # (default: the first of schemas).
                version.table = retort_version
                # version.schema = public

                # The forms generated migrations take on tables that already exist: online (indexes
                # built CONCURRENTLY, constraints added NOT VALID and validated after a commit, SET NOT
                # NULL proved by a validated check, unique keys from a concurrent index) or simple
                # (plain statements in one transaction; what a file without this key gets).
                safety = online
                """.formatted(migrationsDir.isEmpty() ? "." : migrationsDir);
    }
}
