package dev.retort.cli;

import picocli.CommandLine.Command;

/** {@code retort heads}: the newest revisions of the migrations. */
@Command(name = "heads", description = "Show the head revision(s) of the migrations.")
final class HeadsCommand extends Subcommand {
    @Override
    public Integer call() {
        for (String head : root.project().graph().heads()) root.out().println(head + " (head)");
        return Main.OK;
    }
}
