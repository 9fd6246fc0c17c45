package dev.retort.mariadb;

import dev.retort.RetortException;
import dev.retort.VisibleText;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which servers the MariaDB dialect reads and migrates: MariaDB's. A {@code jdbc:mysql:} URL, or the MariaDB driver,
 * can reach a MySQL server, whose catalog and DDL differ from MariaDB's in ways no test here has covered (its
 * {@code information_schema} spells defaults and {@code ON UPDATE} differently, has no {@code BEGIN NOT ATOMIC},
 * {@code max_statement_time} or {@code SET STATEMENT}, and Hibernate maps entities for it with another dialect), so
 * such a server is refused in one line rather than read or changed on a guess.
 */
public final class MariaDbServer {
    private MariaDbServer() {}

    /** Refuses a connection to a server that is not MariaDB, naming what it is. */
    public static void require(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String refusal = refusal(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
        if (refusal != null) throw new RetortException(refusal);
    }

    /** Why a server of this product name and version is refused; null for a MariaDB server. */
    static String refusal(String productName, String version) {
        // MariaDB's version string says so (10.11.19-MariaDB-0+deb12u1), whichever driver reports it
        if (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb")) return null;
        if (productName != null && productName.toLowerCase(Locale.ROOT).contains("mariadb")) return null;
        return "the server is " + VisibleText.of(productName == null ? "not MariaDB" : productName, false)
                + (version == null ? "" : " " + VisibleText.of(version, false))
                + ", not MariaDB: Retort reads and migrates MariaDB servers (10.11 tested); MySQL is not supported yet"
                + " (its catalog and DDL differ from MariaDB's and no MySQL server has been tested)";
    }
}
