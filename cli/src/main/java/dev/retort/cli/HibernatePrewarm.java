package dev.retort.cli;

import dev.retort.entities.EntityReader;
import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import java.util.Arrays;
import java.util.List;

/**
 * Boots Hibernate once on the bundled warm-up entities ({@code dev.retort.cli.warmup}), on a
 * background thread, while the command line is parsed and the project configured, for the commands
 * that then map the project's entities: {@code check} and {@code revision --autogenerate}.
 *
 * <p>Mapping entities is the longest part of those commands, and much of a first mapping is the
 * same whatever the entities: initialising Hibernate's classes and linking its code. Done here, on
 * the other core and a few hundred milliseconds earlier, it is off the critical path (in the
 * benchmark at 1,000 entities, about 4% of {@code check}; neutral at 100). Nothing of it is kept but the
 * warmed JVM, and a failure here is ignored: the real mapping reports its own.
 */
final class HibernatePrewarm {
    /** The bundled warm-up entities, which the launcher's training run maps too. */
    static final EntitySource WARMUP = new EntitySource(List.of("dev.retort.cli.warmup"), List.of(), Naming.SNAKE);

    private HibernatePrewarm() {}

    /** Starts the warm-up when the command (see {@link RetortCommand#subcommandName}) maps entities. */
    static void startFor(String command, String... args) {
        boolean maps = "check".equals(command) || "revision".equals(command) && Arrays.asList(args).contains("--autogenerate");
        if (!maps) return;
        Thread thread = new Thread(HibernatePrewarm::run, "retort-hibernate-prewarm");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            HibernateLog.quiet();
            EntityReader.read(WARMUP, "public");
        } catch (RuntimeException | LinkageError ignored) {
            // the project's own mapping reports what is wrong
        }
    }
}
