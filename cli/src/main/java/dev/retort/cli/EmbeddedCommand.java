package dev.retort.cli;

import dev.retort.embedded.EmbeddedPostgres;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * {@code retort embedded}: an embedded PostgreSQL server kept until the process is interrupted, its JDBC URL
 * the first line of the output, for a script (the demo) or a developer without a server.
 */
@Command(
        name = "embedded",
        description = "Start an embedded PostgreSQL server (the one dev.url = embedded uses), print its JDBC URL"
                + " and keep it until interrupted (Ctrl-C or SIGTERM); its files are deleted when it stops.")
final class EmbeddedCommand extends Subcommand {
    @Override
    public Integer call() throws InterruptedException {
        Project project = root.project();
        try (EmbeddedPostgres server = EmbeddedPostgres.start(project.embeddedSettings(Optional.empty()))) {
            root.out().println(server.url());
            root.out().flush();
            root.err()
                    .println("Embedded PostgreSQL " + server.release().version() + " on 127.0.0.1:" + server.port()
                            + " as " + Terminal.safe(server.user()) + ", until interrupted.");
            root.err().flush();
            // the server's shutdown hook stops it when the process is interrupted
            new CountDownLatch(1).await();
            return ExitCode.OK;
        }
    }
}
