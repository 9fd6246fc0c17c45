package dev.retort.cli.startup;

import java.util.Map;

/**
 * The switches of the start-up tricks: each trick is on unless its environment variable, or
 * {@code RETORT_STARTUP} for all of them, is {@code off}. Turning one off changes no output, only
 * the time a command takes to start.
 *
 * <p>The archive's switch is read by the {@code ./retort} launcher, which decides the JVM's options
 * before any Java runs; the others are read here, from the environment the command runs with.
 */
public enum StartupSwitch {
    /** The class-data-sharing archive and its training run ({@link Warmup}), read by the launcher. */
    ARCHIVE("RETORT_STARTUP_CDS"),
    /** {@link EarlyEntityRead}. */
    EARLY_READ("RETORT_STARTUP_EARLY_READ"),
    /** {@link HibernatePrewarm}. */
    HIBERNATE_PREWARM("RETORT_STARTUP_HIBERNATE_PREWARM"),
    /** {@link DriverPrewarm}. */
    DRIVER_PREWARM("RETORT_STARTUP_DRIVER_PREWARM"),
    /** {@link OneSubcommand}. */
    ONE_SUBCOMMAND("RETORT_STARTUP_ONE_SUBCOMMAND");

    /** The variable that turns every trick off. */
    public static final String ALL = "RETORT_STARTUP";

    private final String variable;

    StartupSwitch(String variable) {
        this.variable = variable;
    }

    /** The environment variable that turns this trick off when it is {@code off}. */
    public String variable() {
        return variable;
    }

    /** Whether the trick is on in this environment: neither its variable nor {@link #ALL} says {@code off}. */
    public boolean isOn(Map<String, String> environment) {
        return !"off".equals(environment.get(ALL)) && !"off".equals(environment.get(variable));
    }
}
