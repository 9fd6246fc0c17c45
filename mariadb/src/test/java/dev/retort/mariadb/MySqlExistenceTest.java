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

    @Test
    void aScriptBuildsEachDropIfExistsWhenItRunsAndTheResultRuns() throws Exception {
        db.execute("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE `c``x` (id int PRIMARY KEY, a int, b int, KEY ix (b), CONSTRAINT ck CHECK (a > 0),
                  CONSTRAINT fa FOREIGN KEY (a) REFERENCES p (id), CONSTRAINT fb FOREIGN KEY (b) REFERENCES p (id))
                """);
        // written before the run: fa's own index dropped with it, fb's drop leaves ix, the second drop of ix and the
        // drop of a check that is not there do nothing, the comment with its quote and backslash is kept whole
        runScript("ALTER TABLE `c``x` DROP FOREIGN KEY `fa`, DROP INDEX IF EXISTS `fa`");
        runScript("ALTER TABLE `c``x` DROP FOREIGN KEY `fb`, DROP INDEX IF EXISTS `fb`");
        runScript("DROP INDEX IF EXISTS `ix` ON `c``x`");
        runScript("DROP INDEX IF EXISTS `ix` ON `c``x`");
        runScript("ALTER TABLE `c``x` DROP CONSTRAINT IF EXISTS `nope`");
        runScript("ALTER TABLE `c``x` DROP CONSTRAINT IF EXISTS `ck`, COMMENT 'if exists, it''s \\\\ or not'");
        runScript("SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `c``x` ADD CONSTRAINT `fz` FOREIGN KEY (`a`)"
                + " REFERENCES `p` (`id`)");
        assertEquals(
                java.util.List.of("fz", "PRIMARY"),
                db.query("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = 'c`x' ORDER BY INDEX_NAME"));
        assertEquals(
                java.util.List.of("if exists, it's \\ or not|1"),
                db.query("SELECT CONCAT(TABLE_COMMENT, '|', @@foreign_key_checks) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'c`x'"));
        assertEquals(
                java.util.List.of("fz"),
                db.query("SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA ="
                        + " DATABASE() AND TABLE_NAME = 'c`x' AND CONSTRAINT_TYPE <> 'PRIMARY KEY'"));
        assertEquals(
                java.util.List.of("ALTER TABLE `c``x` COMMENT 'x'"),
                MySqlExistence.script("ALTER TABLE `c``x` COMMENT 'x'"),
                "a statement without IF EXISTS is left as it is");
        RetortException refused = assertThrows(
                RetortException.class, () -> MySqlExistence.script("ALTER TABLE `t` ADD COLUMN IF NOT EXISTS `x` int"));
        assertEquals(
                "MySQL has no IF EXISTS or IF NOT EXISTS in ALTER TABLE (t): write the migration without the"
                        + " option (Option.IF_EXISTS, Option.IF_NOT_EXISTS)",
                refused.getMessage());
    }

    @Test
    void aDefaultsFunctionCallIsPutInParenthesesWhereMySqlWantsThem() throws Exception {
        String rendered = "CREATE TABLE `t` (`id` int NOT NULL, `u` char(36) NULL DEFAULT uuid(), `c` varchar(20) NULL"
                + " DEFAULT 'DEFAULT uuid()' COMMENT 'it''s DEFAULT rand()', `ts` datetime NULL DEFAULT"
                + " current_timestamp(), `d` date NULL DEFAULT curdate(), `x` varchar(9) NULL DEFAULT (concat('a',"
                + " 'b')), PRIMARY KEY (`id`))";
        // written before the run: uuid() and curdate() put in parentheses, the quoted text, current_timestamp() and
        // the expression already in parentheses left as they are
        String expected = rendered.replace("DEFAULT uuid(),", "DEFAULT (uuid()),")
                .replace("DEFAULT curdate()", "DEFAULT (curdate())");
        try (Connection c = db.connect()) {
            assertRuns(c, rendered, expected);
        }
        assertEquals(
                java.util.List.of(
                        "c|DEFAULT uuid()",
                        "d|curdate()",
                        "ts|CURRENT_TIMESTAMP",
                        "u|uuid()",
                        "x|concat(_utf8mb4\\'a\\',_utf8mb4\\'b\\')"),
                db.query("SELECT CONCAT(COLUMN_NAME, '|', COLUMN_DEFAULT) FROM information_schema.COLUMNS WHERE"
                        + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND COLUMN_DEFAULT IS NOT NULL ORDER BY"
                        + " COLUMN_NAME"));
        assertEquals(
                java.util.List.of("ALTER TABLE `t` ALTER COLUMN `d` SET DEFAULT (uuid())"),
                MySqlExistence.script("ALTER TABLE `t` ALTER COLUMN `d` SET DEFAULT uuid()"));
    }

    /** The script's lines for the statement, run one by one on one connection as a MySQL client runs a script. */
    private void runScript(String rendered) throws Exception {
        try (Connection c = db.connect();
                var st = c.createStatement()) {
            for (String line : MySqlExistence.script(rendered)) st.execute(line);
        }
    }

    private static void assertRuns(Connection c, String rendered, String expected) throws Exception {
        String resolved = MySqlExistence.resolve(c, rendered);
        assertEquals(expected, resolved);
        try (var st = c.createStatement()) {
            st.execute(resolved);
        }
    }
}
