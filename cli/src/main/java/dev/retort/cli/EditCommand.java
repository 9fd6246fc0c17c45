package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort edit REV}: opens a revision's file in {@code $VISUAL} or {@code $EDITOR}. */
@Command(name = "edit", description = "Open the migration file of REV in $VISUAL or $EDITOR.")
final class EditCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "REV")
    String revision;

    @Override
    public Integer call() throws Exception {
        Project project = root.project();
        RevisionGraph graph = project.graph();
        String id = Targets.single(graph, revision);
        Path file = Revisions.file(project, graph.node(id));
        if (!Files.isRegularFile(file)) throw new RetortException("revision " + id + ": file " + file + " not found");
        String editor = root.environment.getOrDefault("VISUAL", root.environment.get("EDITOR"));
        if (editor == null || editor.isBlank())
            throw new RetortException("set VISUAL or EDITOR to the editor to open " + file + " with");
        List<String> command = new ArrayList<>(Arrays.asList(editor.trim().split("\\s+")));
        command.add(file.toString());
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) throw new RetortException("editor " + command.get(0) + " exited with status " + status);
        return ExitCode.OK;
    }
}
