package dev.retort.cli;

import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.entities.EntityReader;
import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import dev.retort.op.Op;
import dev.retort.runtime.source.SourceMigrations;
import dev.retort.runtime.sql.PostgresSql;
import dev.retort.schema.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive that {@code ./retort} keeps beside the jar
 * ({@code -XX:ArchiveClassesAtExit}): it loads the classes the commands load, parsing, mapping the
 * warm-up entities with Hibernate, diffing, writing and compiling a migration, and starting the
 * JDBC driver, without touching a database. Later runs map those classes instead of loading them.
 */
public final class Warmup {
    private Warmup() {}

    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("retort-warmup");
        try {
            PrintWriter sink = new PrintWriter(new StringWriter());
            Main.run(directory, Map.of(), sink, sink, "--help");
            Main.run(directory, Map.of(), sink, sink, "init");
            Main.run(directory, Map.of(), sink, sink, "heads");
            Schema model = EntityReader.read(new EntitySource(List.of("dev.retort.cli.warmup"), List.of(), Naming.SNAKE), "public");
            Plan plan = Differ.diff(Schema.EMPTY, model);
            for (Op op : plan.downgrade()) {
                PostgresSql.statements(op);
                OpText.describe(op);
            }
            RevisionHeader header = new RevisionHeader("0a0a0a0a0a0a", List.of(), "warm up", LocalDateTime.of(2026, 1, 1, 0, 0));
            Path migrations = Files.createDirectories(directory.resolve("warmup-migrations"));
            Files.writeString(migrations.resolve(MigrationWriter.className(header) + ".java"),
                    MigrationWriter.write("warmup", header, plan).toString());
            SourceMigrations.load(migrations, directory.resolve("cache")).graph().heads();
            SourceMigrations.load(migrations, directory.resolve("cache")).graph().heads();
            try (Connection unused = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/warmup?connectTimeout=1")) {
                throw new IllegalStateException("nothing listens on port 1");
            } catch (SQLException expected) {
                // the driver's classes are loaded up to the network
            }
        } finally {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
            }
        }
    }
}
