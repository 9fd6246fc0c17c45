package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner's machine that vanishes without closing its connection (power loss, a partitioned
 * network) must not hold the migration lock for the system's default two hours of TCP silence:
 * the runner's session asks the server to probe it after a minute.
 */
class VanishedClientKeepaliveTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void theRunnersSessionProbesAnIdleClientAfterAMinute() throws SQLException {
        Cli cli = new Cli(dir);
        cli.configure(db, "dev.retort.fixtures.shop.v1", "snake");
        cli.write("migrations/R1.java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "a00000000001", message = "settings")
                public final class R1 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.execute("CREATE TABLE seen AS SELECT current_setting('tcp_keepalives_idle') AS idle, "
                                + "current_setting('tcp_keepalives_interval') AS interval, current_setting('tcp_keepalives_count') AS count");
                    }
                    public void downgrade(dev.retort.runtime.Ops op) { op.execute("DROP TABLE seen"); }
                }
                """);
        Cli.Result result = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM seen")) {
            rs.next();
            assertEquals(
                    "60 10 6",
                    rs.getString("idle") + " " + rs.getString("interval") + " " + rs.getString("count"),
                    "the test server is reached over TCP, where these settings apply");
        }
    }
}
