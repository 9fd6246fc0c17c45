package dev.retort.runtime;

import java.util.Locale;

/** Which way a migration runs. */
public enum Direction {
    UPGRADE,
    DOWNGRADE;

    /** {@code upgrade} or {@code downgrade}, as written in messages and the history table. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
