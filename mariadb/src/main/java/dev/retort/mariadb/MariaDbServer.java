package dev.retort.mariadb;

import dev.retort.RetortException;
import dev.retort.VisibleText;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which servers the MariaDB dialect reads and migrates: MariaDB's, and MySQL's from 8.0.16 (the first to keep and
 * show check constraints). MySQL shares MariaDB's SQL for what Retort writes, but not its catalog's spellings
 * ({@code information_schema} shows a string default unquoted and an expression's by {@code DEFAULT_GENERATED}, has no
 * column-level checks, and a json column is a type of its own) nor MariaDB's extensions ({@code BEGIN NOT ATOMIC},
 * {@code max_statement_time}, {@code SET STATEMENT}, sequences, {@code IF EXISTS} on most {@code ALTER TABLE}
 * clauses); where a part of Retort needs one of those it asks {@link #kind} and takes MySQL's way or refuses it in
 * one line. Any other server behind a {@code jdbc:mariadb:} or {@code jdbc:mysql:} URL is refused in one line.
 */
public final class MariaDbServer {
    /** The two servers the dialect takes. */
    public enum Kind {
        MARIADB,
        MYSQL;

        public boolean mysql() {
            return this == MYSQL;
        }
    }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private MariaDbServer() {}

    /** Refuses a connection to a server the dialect does not take, naming what it is. */
    public static void require(Connection connection) throws SQLException {
        kind(connection);
    }

    /** Which of the two servers the connection reaches; any other is refused in one line. */
    public static Kind kind(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        String refusal = refusal(product, version);
        if (refusal != null) throw new RetortException(refusal);
        return isMariaDb(product, version) ? Kind.MARIADB : Kind.MYSQL;
    }

    /** Whether the connection reaches a MySQL server (taken, so at least 8.0.16); false for MariaDB's. */
    public static boolean isMySql(Connection connection) throws SQLException {
        return kind(connection).mysql();
    }

    private static boolean isMariaDb(String productName, String version) {
        // MariaDB's version string says so (10.11.19-MariaDB-0+deb12u1), whichever driver reports it
        return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb")
                || productName != null && productName.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** Why a server of this product name and version is refused; null for MariaDB, or MySQL 8.0.16 and later. */
    static String refusal(String productName, String version) {
        if (isMariaDb(productName, version)) return null;
        String shown = "the server is " + VisibleText.of(productName == null ? "unnamed" : productName, false)
                + (version == null ? "" : " " + VisibleText.of(version, false));
        if (productName == null || !productName.toLowerCase(Locale.ROOT).contains("mysql"))
            return shown + ": Retort's MariaDB dialect reads and migrates MariaDB and MySQL servers only";
        Matcher v = VERSION.matcher(version == null ? "" : version);
        if (v.lookingAt()) {
            int major = Integer.parseInt(v.group(1));
            int minor = Integer.parseInt(v.group(2));
            int patch = Integer.parseInt(v.group(3));
            if (major > 8 || major == 8 && (minor > 0 || patch >= 16)) return null;
        }
        return shown + ": Retort reads and migrates MySQL from 8.0.16 (the first that keeps check constraints);"
                + " upgrade the server";
    }
}
