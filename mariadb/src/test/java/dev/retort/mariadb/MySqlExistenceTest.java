package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.RetortException;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statements MariaDB's renderer writes with {@code IF EXISTS}, as they run on a MySQL server: each such drop kept
 * plain where the object is there and left out where it is not, against the server's own catalog; every result run.
 */
class MySqlExistenceTest {
    @RegisterExtension
    final MariaDbTestDatabase db = MariaDbTestDatabase.mysql();

    @Test
    void eachDropIfExistsIsKeptPlainOrLeftOutAndTheResultRuns() throws Exception {
        db.execute("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (id int PRIMARY KEY, a int, b int, KEY ix (b), CONSTRAINT ck CHECK (a > 0),
                  CONSTRAINT fa FOREIGN KEY (a) REFERENCES p (id), CONSTRAINT fb FOREIGN KEY (b) REFERENCES p (id))
                """);
        try (Connection c = db.connect()) {
            // fa made its own index, fa; fb uses ix
            assertRuns(
                    c,
                    "ALTER TABLE `c` DROP FOREIGN KEY `fa`, DROP INDEX IF EXISTS `fa`",
                    "ALTER TABLE `c` DROP FOREIGN KEY `fa`, DROP INDEX `fa`");
            assertRuns(
                    c,
                    "ALTER TABLE `c` DROP FOREIGN KEY `fb`, DROP INDEX IF EXISTS `fb`",
                    "ALTER TABLE `c` DROP FOREIGN KEY `fb`");
            assertRuns(c, "DROP INDEX IF EXISTS `ix` ON `c`", "DROP INDEX `ix` ON `c`");
            assertRuns(c, "DROP INDEX IF EXISTS `ix` ON `c`", MySqlExistence.NOTHING);
            assertRuns(c, "ALTER TABLE `c` DROP CONSTRAINT IF EXISTS `nope`", MySqlExistence.NOTHING);
            assertRuns(
                    c,
                    "ALTER TABLE `c` DROP CONSTRAINT IF EXISTS `ck`, COMMENT 'if exists, or not'",
                    "ALTER TABLE `c` DROP CONSTRAINT `ck`, COMMENT 'if exists, or not'");
            assertRuns(
                    c,
                    "SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `c` ADD CONSTRAINT `fa` FOREIGN KEY (`a`)"
                            + " REFERENCES `p` (`id`)",
                    "ALTER TABLE `c` ADD CONSTRAINT `fa` FOREIGN KEY (`a`) REFERENCES `p` (`id`)");
            RetortException refused = assertThrows(
                    RetortException.class,
                    () -> MySqlExistence.resolve(c, "ALTER TABLE `c` ADD COLUMN IF NOT EXISTS `x` int"));
            assertEquals(
                    "MySQL has no IF EXISTS or IF NOT EXISTS in ALTER TABLE (c): write the migration without the"
                            + " option (Option.IF_EXISTS, Option.IF_NOT_EXISTS)",
                    refused.getMessage());
        }
        assertEquals(
                java.util.List.of("fa", "PRIMARY"),
                db.query("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = 'c' ORDER BY INDEX_NAME"));
    }

    private static void assertRuns(Connection c, String rendered, String expected) throws Exception {
        String resolved = MySqlExistence.resolve(c, rendered);
        assertEquals(expected, resolved);
        try (var st = c.createStatement()) {
            st.execute(resolved);
        }
    }
}
