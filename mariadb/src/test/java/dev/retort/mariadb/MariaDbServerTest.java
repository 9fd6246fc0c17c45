package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which servers the MariaDB dialect takes: the local MariaDB through its own driver, and MariaDB as MySQL's
 * Connector/J reports it; a MySQL server (as both drivers report one) is refused in one line naming it, its
 * version shown with hidden characters spelled out.
 */
class MariaDbServerTest {
    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @Test
    void theLocalMariaDbServerIsTaken() throws Exception {
        try (Connection c = db.connect()) {
            MariaDbServer.require(c);
            assertEquals(0, MariaDbIntrospector.read(c).schema().tables().size());
        }
    }

    @Test
    void mariaDbIsTakenWhicheverDriverReportsIt() {
        // MariaDB Connector/J
        assertNull(MariaDbServer.refusal("MariaDB", "10.11.19-MariaDB-0+deb12u1"));
        // MySQL Connector/J on a MariaDB server: the product is "MySQL", the version MariaDB's with a 5.5.5- prefix
        assertNull(MariaDbServer.refusal("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1"));
    }

    @Test
    void aMySqlServerIsRefusedNamingIt() {
        assertEquals(
                "the server is MySQL 8.4.3, not MariaDB: Retort reads and migrates MariaDB servers (10.11 tested);"
                        + " MySQL is not supported yet (its catalog and DDL differ from MariaDB's and no MySQL server"
                        + " has been tested)",
                MariaDbServer.refusal("MySQL", "8.4.3"));
        assertEquals(
                "the server is MySQL 8.0.36\\x{1b}[2J, not MariaDB: Retort reads and migrates MariaDB servers (10.11"
                        + " tested); MySQL is not supported yet (its catalog and DDL differ from MariaDB's and no MySQL"
                        + " server has been tested)",
                MariaDbServer.refusal("MySQL", "8.0.36\u001b[2J"));
    }
}
