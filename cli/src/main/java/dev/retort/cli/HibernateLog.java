package dev.retort.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hibernate logs its version and settings at INFO on every boot; a command line prints only its
 * own output. Set before each mapping of entities rather than at start-up, so that commands that
 * map none do not start the JDK's logging for it.
 */
final class HibernateLog {
    /** Held: the logging framework keeps loggers only weakly, and with them their level. */
    private static final Logger HIBERNATE = Logger.getLogger("org.hibernate");

    private HibernateLog() {}

    static void quiet() {
        HIBERNATE.setLevel(Level.SEVERE);
    }
}
