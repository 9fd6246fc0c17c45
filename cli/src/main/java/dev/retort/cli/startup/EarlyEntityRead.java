package dev.retort.cli.startup;

import dev.retort.Dialect;
import dev.retort.cli.EntityRead;
import dev.retort.cli.config.CacheDirectory;
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
 *
 * <p>Measured gain, against warming Hibernate up on the bundled entities and with the entity
 * reader's read-ahead (measured together): {@code check} ~1.15 to ~1.11 s at 1,000 tables and ~0.49
 * to ~0.46 s at 100 on the benchmark machine. Switch: {@code RETORT_STARTUP_EARLY_READ=off}
 * ({@link StartupSwitch#EARLY_READ}); Hibernate is then warmed up on the bundled entities instead,
 * as before this trick, unless that is off too.
 */
public final class EarlyEntityRead {
    /** The subcommands that map entities; {@link #REVISION} only with {@link #AUTOGENERATE}. */
    static final String CHECK = "check";

    static final String REVISION = "revision";
    static final String AUTOGENERATE = "--autogenerate";
    /** The global options whose values can change the entities or the default schema. */
    static final String CONFIG = "-c";

    static final String CONFIG_LONG = "--config";
    static final String OVERRIDE = "-x";

    private record Started(
            EntitySource source, String defaultSchema, Dialect dialect, CompletableFuture<Schema> model) {}

    /** Per thread: the command that starts the read runs on the thread that claims it, also when several run in one JVM. */
    private static final ThreadLocal<Started> STARTED = new ThreadLocal<>();

    private EarlyEntityRead() {}

    /**
     * Starts the read, or the warm-up, when the command (see {@link QuickLook#subcommandName}) maps
     * entities; whether the read was started.
     */
    public static boolean startFor(String command, Path workDir, Map<String, String> environment, String... args) {
        STARTED.remove();
        boolean maps = CHECK.equals(command)
                || REVISION.equals(command) && Arrays.asList(args).contains(AUTOGENERATE);
        if (!maps) return false;
        if (!StartupSwitch.EARLY_READ.isOn(environment)) {
            HibernatePrewarm.start(environment);
            return false;
        }
        EntitySource source;
        String defaultSchema;
        Dialect dialect;
        try {
            Settings settings = settings(workDir, environment, args);
            source = settings.entities(CacheDirectory.of(environment));
            defaultSchema = settings.defaultSchema();
            dialect = settings.dialect();
        } catch (RuntimeException e) {
            // the command reports what is wrong with its configuration
            HibernatePrewarm.start(environment);
            return false;
        }
        CompletableFuture<Schema> model = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        model.complete(EntityRead.read(source, defaultSchema, dialect));
                    } catch (RuntimeException | Error e) {
                        model.completeExceptionally(e);
                    }
                },
                "retort-entities");
        thread.setDaemon(true);
        thread.start();
        STARTED.set(new Started(source, defaultSchema, dialect, model));
        return true;
    }

    /** The dialect of the read {@link #startFor} started on this thread; null when it started none. */
    public static Dialect startedDialect() {
        Started early = STARTED.get();
        return early == null ? null : early.dialect();
    }

    /**
     * The early read's result, when it read exactly these entities for this default schema; null
     * otherwise. It can be claimed once.
     */
    public static CompletableFuture<Schema> claim(EntitySource source, String defaultSchema) {
        return claim(source, defaultSchema, Dialect.POSTGRESQL);
    }

    /** The same, for the entities mapped for a database. */
    public static CompletableFuture<Schema> claim(EntitySource source, String defaultSchema, Dialect dialect) {
        Started early = STARTED.get();
        STARTED.remove();
        if (early == null
                || !early.source().equals(source)
                || !early.defaultSchema().equals(defaultSchema)
                || early.dialect() != dialect) return null;
        return early.model();
    }

    /**
     * The settings as {@code RetortCommand.project()} will load them, from the options that can
     * change the entities: {@code -c}/{@code --config} and {@code -x}. Anything read amiss here
     * only costs the early read: {@link #claim} compares what was read with the real settings.
     */
    private static Settings settings(Path workDir, Map<String, String> environment, String... args) {
        String config = null;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals("--")) break;
            if (argument.equals(CONFIG) || argument.equals(CONFIG_LONG)) {
                if (i + 1 < args.length) config = args[++i];
            } else if (argument.startsWith(CONFIG_LONG + "=")) {
                config = argument.substring(CONFIG_LONG.length() + 1);
            } else if (argument.startsWith(OVERRIDE)) {
                String pair = argument.equals(OVERRIDE)
                        ? (i + 1 < args.length ? args[++i] : "")
                        : argument.substring(OVERRIDE.length());
                int equals = pair.indexOf('=');
                if (equals > 0 && Settings.isKnown(pair.substring(0, equals))) {
                    overrides.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            } else if (QuickLook.OPTIONS_WITH_VALUES.contains(argument)) {
                i++;
            }
        }
        return SettingsLoader.load(workDir, config, environment, overrides);
    }
}
