package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code revision --autogenerate} drops on MariaDB comes back as it was on the downgrade, through the real command
 * line: a table's engine and default character set, a column's {@code ON UPDATE}, {@code VIRTUAL}, {@code INVISIBLE}
 * and {@code COMPRESSED}, an index's and a unique key's prefix. Before, the table came back in InnoDB and the server's character set,
 * and the downgrade failed: a virtual column computed from the {@code AUTO_INCREMENT} key came back stored, which
 * MariaDB refuses, and the index on a {@code text} column came back without its prefix (error 1170).
 */
class MariaDbDroppedAsTheyWereTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the test's database is made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @TempDir
    Path workDir;

    @Test
    void theDowngradeGivesBackWhatTheRevisionDropped() throws Exception {
        Cli cli = new Cli(workDir);
        cli.configure(db.url(), "dev.retort.fixtures.shop.v1", "snake");
        cli.ok("revision", "--autogenerate", "-m", "create shop", "--rev-id", "aaaa00000001");
        cli.ok("upgrade", "head");
        boolean mySql = db.isMySql();
        // MySQL has no Aria and no COMPRESSED, and computes no generated column from an AUTO_INCREMENT one (3109)
        db.execute("""
                CREATE TABLE legacy (
                  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
                  note text COLLATE latin1_general_cs,
                  %s
                  touched timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
                  secret int INVISIBLE,
                  twice bigint GENERATED ALWAYS AS (%s * 2) VIRTUAL,
                  KEY note_prefix (note(20)),
                  UNIQUE KEY note_unique (note(10))
                ) ENGINE=%s DEFAULT CHARSET=latin1 COLLATE=latin1_bin COMMENT='old stuff';
                INSERT INTO legacy (note) VALUES ('kept');
                ALTER TABLE customers ADD COLUMN seen timestamp NULL DEFAULT NULL ON UPDATE current_timestamp()
                    INVISIBLE;
                CREATE INDEX customers_name_prefix ON customers (name(8));
                """.formatted(
                        mySql ? "" : "body text COMPRESSED,", mySql ? "secret" : "id", mySql ? "MyISAM" : "Aria"));
        Map<String, String> before = created("legacy", "customers");

        Cli.Result revision = cli.ok("revision", "--autogenerate", "-m", "drop legacy", "--rev-id", "aaaa00000002");
        String written = cli.migration("aaaa00000002");
        for (String stated : List.of(
                "engine(\"" + (mySql ? "MyISAM" : "Aria") + "\").charset(\"latin1\", \"latin1_bin\")",
                ".defaultValue(\"current_timestamp()\").onUpdate(\"current_timestamp()\").notNull()",
                "column(\"secret\", \"integer\").invisible()",
                ".virtual()",
                "index(key(\"note\").prefix(20)).named(\"note_prefix\")",
                "unique(\"note\").named(\"note_unique\").prefixes(10)",
                "column(\"seen\", \"timestamp(0)\").onUpdate(\"current_timestamp()\").invisible()",
                "index(key(\"name\").prefix(8)).named(\"customers_name_prefix\")"))
            assertTrue(written.contains(stated), () -> stated + " in\n" + written + "\n" + revision);
        if (!mySql) assertTrue(written.contains("column(\"body\", \"text\").compressed()"), written);

        cli.ok("upgrade", "head");
        // the offline script's downgrade writes the same
        Cli.Result script = cli.ok("downgrade", "aaaa00000002:aaaa00000001", "--sql");
        assertTrue(
                script.out()
                        .contains("ENGINE=" + (mySql ? "MyISAM" : "Aria") + " DEFAULT CHARSET=latin1"
                                + " COLLATE=latin1_bin"),
                script::toString);
        cli.ok("downgrade", "aaaa00000001");
        assertEquals(before, created("legacy", "customers"));
    }

    /** Each table's {@code SHOW CREATE TABLE}, but for its next {@code AUTO_INCREMENT} value. */
    private Map<String, String> created(String... tables) throws SQLException, IOException {
        Map<String, String> created = new LinkedHashMap<>();
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SHOW CREATE TABLE " + table)) {
                    rs.next();
                    created.put(table, rs.getString(2).replaceAll(" AUTO_INCREMENT=\\d+", ""));
                }
            }
        }
        return created;
    }
}
