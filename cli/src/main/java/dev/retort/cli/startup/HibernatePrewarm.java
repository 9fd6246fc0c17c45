package dev.retort.cli.startup;

import dev.retort.cli.EntityRead;
import dev.retort.cli.startup.warmup.Account;
import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import java.util.List;
import java.util.Map;

/**
 * Boots Hibernate once on the bundled warm-up entities ({@code dev.retort.cli.startup.warmup}), on a
 * background thread, while the command line is parsed and the project configured: for
 * {@code check} and {@code revision --autogenerate} when {@link EarlyEntityRead} cannot start on
 * the project's own entities (their configuration is not readable from a quick look at the
 * arguments).
 *
 * <p>Much of a first mapping is the same whatever the entities: initialising Hibernate's classes
 * and linking its code. Nothing of this is kept but the warmed JVM, and a failure here is ignored:
 * the real mapping reports its own.
 *
 * <p>Measured gain: about 4% on {@code check} at 1,000 tables, neutral at 100, on the benchmark
 * machine (before {@link EarlyEntityRead}, when it ran for every such command). Switch:
 * {@code RETORT_STARTUP_HIBERNATE_PREWARM=off} ({@link StartupSwitch#HIBERNATE_PREWARM}).
 */
final class HibernatePrewarm {
    /** The bundled warm-up entities, which the launcher's training run maps too. */
    static final EntitySource WARMUP =
            new EntitySource(List.of(Account.class.getPackageName()), List.of(), Naming.SNAKE);

    private HibernatePrewarm() {}

    /** Starts the warm-up on a background thread, unless it is switched off; whether it started. */
    static boolean start(Map<String, String> environment) {
        if (!StartupSwitch.HIBERNATE_PREWARM.isOn(environment)) return false;
        Thread thread = new Thread(HibernatePrewarm::run, "retort-hibernate-prewarm");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private static void run() {
        try {
            EntityRead.read(WARMUP, "public");
        } catch (RuntimeException | LinkageError ignored) {
            // the project's own mapping reports what is wrong
        }
    }
}
