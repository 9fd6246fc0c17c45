package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which servers the MariaDB dialect takes: the local MariaDB through its own driver, MariaDB as MySQL's Connector/J
 * reports it, and MySQL from 8.0.16; an older MySQL or another server is refused in one line naming it, its version
 * shown with hidden characters spelled out.
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
    void mySqlIsTakenFrom8016() {
        assertNull(MariaDbServer.refusal("MySQL", "8.0.16"));
        assertNull(MariaDbServer.refusal("MySQL", "8.4.3"));
        assertNull(MariaDbServer.refusal("MySQL", "9.7.4-2"));
    }

    @Test
    void anOlderMySqlOrAnotherServerIsRefusedNamingIt() {
        assertEquals(
                "the server is MySQL 8.0.15: Retort reads and migrates MySQL from 8.0.16 (the first that keeps check"
                        + " constraints); upgrade the server",
                MariaDbServer.refusal("MySQL", "8.0.15"));
        assertEquals(
                "the server is MySQL 5.7.44\\x{1b}[2J: Retort reads and migrates MySQL from 8.0.16 (the first that"
                        + " keeps check constraints); upgrade the server",
                MariaDbServer.refusal("MySQL", "5.7.44\u001b[2J"));
        assertEquals(
                "the server is TiDB 8.1.0: Retort's MariaDB dialect reads and migrates MariaDB and MySQL servers only",
                MariaDbServer.refusal("TiDB", "8.1.0"));
    }
}
