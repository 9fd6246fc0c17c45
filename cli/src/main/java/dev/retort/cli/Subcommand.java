package dev.retort.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the root command with the global options, the working directory and the output. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;
}
