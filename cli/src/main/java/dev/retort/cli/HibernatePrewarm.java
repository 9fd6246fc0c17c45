package dev.retort.cli;

import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import java.util.List;

/**
 * Boots Hibernate once on the bundled warm-up entities ({@code dev.retort.cli.warmup}), on a
 * background thread, while the command line is parsed and the project configured: for
 * {@code check} and {@code revision --autogenerate} when {@link EarlyEntityRead} cannot start on
 * the project's own entities (their configuration is not readable from a quick look at the
 * arguments).
 *
 * <p>Much of a first mapping is the same whatever the entities: initialising Hibernate's classes
 * and linking its code. Nothing of this is kept but the warmed JVM, and a failure here is ignored:
 * the real mapping reports its own.
 */
final class HibernatePrewarm {
    /** The bundled warm-up entities, which the launcher's training run maps too. */
    static final EntitySource WARMUP = new EntitySource(List.of("dev.retort.cli.warmup"), List.of(), Naming.SNAKE);

    private HibernatePrewarm() {}

    /** Starts the warm-up on a background thread. */
    static void start() {
        Thread thread = new Thread(HibernatePrewarm::run, "retort-hibernate-prewarm");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            EarlyEntityRead.read(WARMUP, "public");
        } catch (RuntimeException | LinkageError ignored) {
            // the project's own mapping reports what is wrong
        }
    }
}
