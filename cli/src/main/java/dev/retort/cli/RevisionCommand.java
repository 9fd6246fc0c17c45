package dev.retort.cli;

import com.palantir.javapoet.JavaFile;
import dev.retort.RetortException;
import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.Plan;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.revision.RevisionGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort revision -m MSG [--autogenerate]}: writes a new migration class. */
@Command(name = "revision", description = "Create a new migration; with --autogenerate, from the difference between the entities and the database.")
final class RevisionCommand extends Subcommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Option(names = {"-m", "--message"}, required = true, description = "What the revision does.")
    String message;

    @Option(names = "--autogenerate", description = "Fill the migration with the changes that make the database match the entities.")
    boolean autogenerate;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
    String revisionId;

    @Option(names = "--allow-empty", description = "Write the migration even when --autogenerate finds no change.")
    boolean allowEmpty;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        RevisionGraph graph = project.graph();
        List<String> parents = graph.head().map(List::of).orElse(List.of());
        String id = revisionId != null ? checked(revisionId, graph) : newId(graph);
        Plan plan = Plan.EMPTY;
        if (autogenerate) {
            try (Connection connection = project.connect()) {
                plan = project.autogenerate(connection);
            }
            for (Op op : plan.upgrade()) root.info("Detected " + OpText.describe(op));
            if (plan.isEmpty() && !allowEmpty) {
                root.out().println("No changes in schema detected; no migration written (use --allow-empty to write one).");
                return Main.OK;
            }
        }
        RevisionHeader header = new RevisionHeader(id, parents, message, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        JavaFile file = MigrationWriter.write(project.settings().migrationsPackage(), header, plan);
        Path directory = project.settings().migrationsDir();
        Path target = directory.resolve(MigrationWriter.className(header) + ".java");
        if (Files.exists(target)) throw new RetortException(target + " already exists");
        Files.createDirectories(directory);
        root.out().print("Generating " + target + " ...");
        writeNew(target, file.toString());
        root.out().println(" done");
        for (Op op : plan.upgrade()) {
            for (Hazard hazard : op.hazards()) root.info("  " + hazard);
        }
        return Main.OK;
    }

    private static void writeNew(Path target, String source) throws IOException {
        Files.writeString(target, source, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    private static String checked(String id, RevisionGraph graph) {
        if (!id.matches("[0-9a-z_]{1,32}")) {
            throw new RetortException("--rev-id " + id + ": use 1 to 32 lowercase letters, digits or underscores");
        }
        if (graph.inOrder().stream().anyMatch(n -> n.id().equals(id))) {
            throw new RetortException("--rev-id " + id + ": a revision with that id already exists");
        }
        return id;
    }

    private static String newId(RevisionGraph graph) {
        while (true) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (graph.inOrder().stream().noneMatch(n -> n.id().startsWith(id) || id.startsWith(n.id()))) return id;
        }
    }
}
