package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.cli.startup.DriverPrewarm;
import dev.retort.cli.startup.EarlyEntityRead;
import dev.retort.cli.startup.OneSubcommand;
import dev.retort.cli.startup.QuickLook;
import dev.retort.runtime.DatabaseException;
import dev.retort.runtime.internal.Redaction;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/** Entry point of the {@code retort} command line. */
public final class Main {
    private Main() {}

    /** Writes UTF-8 whatever the locale, as Retort's files are: a message in another script is kept, not turned into '?'. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(
                Path.of("").toAbsolutePath(),
                NativeText.environment(System.getenv()),
                out,
                err,
                NativeText.arguments(args)));
    }

    /** Runs one command with the given working directory and environment; returns its exit code. */
    public static int run(
            Path workDir, Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        String command = QuickLook.subcommandName(args);
        DriverPrewarm.startFor(command, environment);
        EarlyEntityRead.startFor(command, workDir, environment, args);
        RetortCommand root = new RetortCommand(workDir, environment);
        Factory factory = new Factory(root);
        CommandLine commandLine = new CommandLine(root, factory);
        for (Class<?> subcommand : OneSubcommand.toBuild(command, RetortCommand.SUBCOMMANDS, environment)) {
            commandLine.addSubcommand(new CommandLine(subcommand, factory));
        }
        commandLine.addSubcommand(new CommandLine(HelpCommand.class, factory));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, root, err));
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            err.println("error: " + Terminal.safe(root.redaction().text(e.getMessage())));
            err.println("Try 'retort --help' or 'retort "
                    + (e.getCommandLine().getCommandName().equals("retort")
                            ? ""
                            : e.getCommandLine().getCommandName() + " ")
                    + "--help'.");
            return ExitCode.ERROR;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Prints the error in one line (and its stack trace with --stacktrace), every message of it without a password. */
    private static int report(Exception e, RetortCommand root, PrintWriter err) {
        Redaction redaction = root.redaction();
        // a database failure in a runtime verb reads as the driver's exception it wraps, as below the facade
        Throwable shown = e instanceof DatabaseException && e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(redaction.text(shown.getMessage()));
        if (shown instanceof SQLException) {
            err.println("error: database: " + Terminal.safe(message.replaceAll("\\s*\\n\\s*", " ")));
        } else if (e instanceof RetortException) {
            err.println("error: " + Terminal.safe(message));
        } else if (e instanceof IOException) {
            err.println("error: " + Terminal.safe(redaction.text(e.toString())));
        } else {
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + Terminal.safe(message)
                    + (root.stacktrace ? "" : " (run again with --stacktrace for details)"));
        }
        if (root.stacktrace) {
            StringWriter trace = new StringWriter();
            redaction.exception(shown).printStackTrace(new PrintWriter(trace));
            // the frames' leading tab stays: it is ours, not the message's
            trace.toString()
                    .lines()
                    .forEach(line -> err.println(
                            line.startsWith("\t") ? "\t" + Terminal.safe(line.substring(1)) : Terminal.safe(line)));
        }
        return ExitCode.ERROR;
    }

    /** Gives subcommands the root command they belong to. */
    private record Factory(RetortCommand root) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RetortCommand.class) return type.cast(root);
            return CommandLine.defaultFactory().create(type);
        }
    }
}
