package dev.retort.cli;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsLoader;
import dev.retort.entities.EntitySource;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts reading the project's entities at the start of the process, for the commands that map
 * them ({@code check} and {@code revision --autogenerate}): Hibernate's boot is the longest part of
 * those commands, and this way it overlaps building the command line, configuring the project and
 * connecting, not only the catalog read.
 *
 * <p>The read is started from a quick look at the arguments (the configuration file, {@code -x}
 * overrides) and is used only when the project, once configured the ordinary way, names exactly the
 * same entities and default schema ({@link #claim}); otherwise it is left unused and the entities
 * are read again. When it cannot be started, Hibernate is warmed up on the bundled entities instead
 * ({@link HibernatePrewarm}).
 */
final class EarlyEntityRead {
    private record Started(EntitySource source, String defaultSchema, CompletableFuture<Schema> model) {}

    /** Per thread: the command that starts the read runs on the thread that claims it, also when several run in one JVM. */
    private static final ThreadLocal<Started> STARTED = new ThreadLocal<>();

    private EarlyEntityRead() {}

    /** Starts the read, or the warm-up, when the command (see {@link RetortCommand#subcommandName}) maps entities. */
    static void startFor(String command, Path workDir, Map<String, String> environment, String... args) {
        STARTED.remove();
        boolean maps = "check".equals(command) || "revision".equals(command) && Arrays.asList(args).contains("--autogenerate");
        if (!maps) return;
        EntitySource source;
        String defaultSchema;
        try {
            Settings settings = settings(workDir, environment, args);
            source = settings.entities();
            defaultSchema = settings.defaultSchema();
        } catch (RuntimeException e) {
            // the command reports what is wrong with its configuration
            HibernatePrewarm.start();
            return;
        }
        CompletableFuture<Schema> model = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                model.complete(read(source, defaultSchema));
            } catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
            }
        }, "retort-entities");
        thread.setDaemon(true);
        thread.start();
        STARTED.set(new Started(source, defaultSchema, model));
    }

    /**
     * The early read's result, when it read exactly these entities for this default schema; null
     * otherwise. It can be claimed once.
     */
    static CompletableFuture<Schema> claim(EntitySource source, String defaultSchema) {
        Started early = STARTED.get();
        STARTED.remove();
        if (early == null || !early.source().equals(source) || !early.defaultSchema().equals(defaultSchema)) return null;
        return early.model();
    }

    /** The entity model as Hibernate maps it, without Hibernate's start-up logging. */
    static Schema read(EntitySource source, String defaultSchema) {
        HibernateLog.quiet();
        return Autogenerate.configure().defaultSchema(defaultSchema).load().readEntities(source);
    }

    /**
     * The settings as {@link RetortCommand#project} will load them, from the options that can
     * change the entities: {@code -c}/{@code --config} and {@code -x}. Anything read amiss here
     * only costs the early read: {@link #claim} compares what was read with the real settings.
     */
    private static Settings settings(Path workDir, Map<String, String> environment, String... args) {
        String config = null;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals("--")) break;
            if (argument.equals("-c") || argument.equals("--config")) {
                if (i + 1 < args.length) config = args[++i];
            } else if (argument.startsWith("--config=")) {
                config = argument.substring("--config=".length());
            } else if (argument.startsWith("-x")) {
                String pair = argument.equals("-x") ? (i + 1 < args.length ? args[++i] : "") : argument.substring(2);
                int equals = pair.indexOf('=');
                if (equals > 0 && Settings.KEYS.contains(pair.substring(0, equals))) {
                    overrides.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            } else if (RetortCommand.OPTIONS_WITH_VALUES.contains(argument)) {
                i++;
            }
        }
        return SettingsLoader.load(workDir, config, environment, overrides);
    }
}
