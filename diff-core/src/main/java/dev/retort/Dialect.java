package dev.retort;

/**
 * The database a JDBC URL speaks to, read from its scheme: {@code jdbc:mariadb:} and {@code jdbc:mysql:}
 * are MariaDB (the MariaDB driver reads both), anything else PostgreSQL, whose connector refuses a
 * scheme it does not know in one line.
 */
public enum Dialect {
    POSTGRESQL("PostgreSQL"),
    MARIADB("MariaDB");

    private final String shown;

    Dialect(String shown) {
        this.shown = shown;
    }

    /** The database's name as users write it. */
    @Override
    public String toString() {
        return shown;
    }

    public static Dialect ofUrl(String url) {
        if (url != null && (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:"))) return MARIADB;
        return POSTGRESQL;
    }
}
