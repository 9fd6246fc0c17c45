package dev.retort.cli;

import dev.retort.RetortException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of the {@code retort} command line. */
public final class Main {
    /** Exit code of commands that succeed. */
    public static final int OK = 0;
    /** Exit code of errors in usage, configuration or at run time. */
    public static final int ERROR = 2;

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(Path.of("").toAbsolutePath(), System.getenv(), out, err, args));
    }

    /** Runs one command with the given working directory and environment; returns its exit code. */
    public static int run(Path workDir, Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        String command = RetortCommand.subcommandName(args);
        DriverPrewarm.startFor(command);
        EarlyEntityRead.startFor(command, workDir, environment, args);
        RetortCommand root = new RetortCommand(workDir, environment);
        Factory factory = new Factory(root);
        CommandLine commandLine = new CommandLine(root, factory);
        for (Class<?> subcommand : subcommands(command)) commandLine.addSubcommand(new CommandLine(subcommand, factory));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, root, err));
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            err.println("error: " + Terminal.safe(e.getMessage()));
            err.println("Try 'retort --help' or 'retort " + (e.getCommandLine().getCommandName().equals("retort")
                    ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return ERROR;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The subcommands to build: only the named one, when there is one, since building
     * picocli's model of all fifteen added 40 ms to every command's start; all of them
     * otherwise (for help, and for picocli's errors and suggestions).
     */
    private static List<Class<?>> subcommands(String name) {
        for (Class<?> subcommand : RetortCommand.SUBCOMMANDS) {
            if (subcommand.getAnnotation(CommandLine.Command.class).name().equals(name)) return List.of(subcommand);
        }
        return RetortCommand.SUBCOMMANDS;
    }

    private static int report(Exception e, RetortCommand root, PrintWriter err) {
        if (e instanceof RetortException) {
            err.println("error: " + Terminal.safe(e.getMessage()));
        } else if (e instanceof SQLException) {
            err.println("error: database: " + Terminal.safe(e.getMessage().replaceAll("\\s*\\n\\s*", " ")));
        } else if (e instanceof IOException) {
            err.println("error: " + Terminal.safe(e.toString()));
        } else {
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + Terminal.safe(String.valueOf(e.getMessage()))
                    + (root.stacktrace ? "" : " (run again with --stacktrace for details)"));
        }
        if (root.stacktrace) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            // the frames' leading tab stays: it is ours, not the message's
            trace.toString().lines().forEach(line -> err.println(line.startsWith("\t") ? "\t" + Terminal.safe(line.substring(1)) : Terminal.safe(line)));
        }
        return ERROR;
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
