package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.cli.startup.DriverPrewarm;
import dev.retort.cli.startup.EarlyEntityRead;
import dev.retort.cli.startup.OneSubcommand;
import dev.retort.cli.startup.QuickLook;
import dev.retort.report.JsonReport;
import dev.retort.runtime.DatabaseException;
import dev.retort.runtime.MigrationException;
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
        EarlyEntityRead.startFor(command, workDir, environment, args);
        DriverPrewarm.startFor(command, environment, EarlyEntityRead.startedDialect());
        RetortCommand root = new RetortCommand(workDir, environment);
        Factory factory = new Factory(root);
        CommandLine commandLine = new CommandLine(root, factory);
        for (Class<?> subcommand : OneSubcommand.toBuild(command, RetortCommand.SUBCOMMANDS, environment)) {
            commandLine.addSubcommand(new CommandLine(subcommand, factory));
        }
        commandLine.addSubcommand(new CommandLine(HelpCommand.class, factory));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, root, cmd, out, err));
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

    /**
     * Prints the error in one line (and its stack trace with --stacktrace), every message of it without a password; with
     * {@code --format json}, the same line is also the document on stdout.
     */
    private static int report(Exception e, RetortCommand root, CommandLine command, PrintWriter out, PrintWriter err) {
        Redaction redaction = root.redaction();
        // a database failure in a runtime verb reads as the driver's exception it wraps, as below the facade
        Throwable shown = e instanceof DatabaseException && e.getCause() != null ? e.getCause() : e;
        String line = errorLine(e, shown, redaction, root.stacktrace);
        // a migration's failure names, one line each, the statements that ran (MariaDB commits each one)
        if (e instanceof MigrationException) Terminal.printLines(err, "error: ", line);
        else err.println("error: " + Terminal.safe(line));
        if (command.getCommand() instanceof ReportingSubcommand reporting && reporting.jsonAsked())
            JsonReport.error(out, command.getCommandName(), line);
        if (root.stacktrace) {
            StringWriter trace = new StringWriter();
            redaction.exception(shown).printStackTrace(new PrintWriter(trace));
            // the frames' leading tab stays: it is ours, not the message's
            trace.toString()
                    .lines()
                    .forEach(frame -> err.println(
                            frame.startsWith("\t") ? "\t" + Terminal.safe(frame.substring(1)) : Terminal.safe(frame)));
        }
        return ExitCode.ERROR;
    }

    /** What went wrong, in one line, passwords masked; hidden characters are left to each target's escaping. */
    private static String errorLine(Exception e, Throwable shown, Redaction redaction, boolean stacktrace) {
        String message = String.valueOf(redaction.text(shown.getMessage()));
        if (shown instanceof SQLException) return "database: " + message.replaceAll("\\s*\\n\\s*", " ");
        if (e instanceof RetortException) return message;
        if (e instanceof IOException) return String.valueOf(redaction.text(e.toString()));
        return "unexpected " + e.getClass().getSimpleName() + ": " + message
                + (stacktrace ? "" : " (run again with --stacktrace for details)");
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
