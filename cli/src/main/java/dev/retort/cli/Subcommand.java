package dev.retort.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the root command with the global options, the working directory and the output. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    /** Asked for, the usage is printed and nothing else is checked: required parameters may be left out. */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;
}
