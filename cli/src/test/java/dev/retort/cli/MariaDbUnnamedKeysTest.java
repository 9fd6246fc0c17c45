package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreign keys declared without a name, as a Flyway migration or a hand-written schema declares them ({@code FOREIGN
 * KEY (owner_id) REFERENCES owners (id)}: key {@code pets_ibfk_1}, index {@code owner_id}), dropped and added again
 * around their columns' type changes by {@code revision --autogenerate}: their indexes keep their names in the upgrade
 * and in the downgrade. Before, the server replaced each with one named after the key when the key was added again
 * ({@code owner_id} came back as {@code pets_ibfk_1}), as spring-petclinic's round trip found.
 */
class MariaDbUnnamedKeysTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the test's database is made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @TempDir
    Path workDir;

    @Test
    void theIndexesInnoDbMadeForUnnamedKeysKeepTheirNamesBothWays() throws Exception {
        db.execute("""
                CREATE TABLE owners (id int NOT NULL PRIMARY KEY, code varchar(10) NOT NULL, UNIQUE KEY owners_code (code));
                CREATE TABLE tags (code varchar(10) NOT NULL PRIMARY KEY);
                CREATE TABLE pets (id int NOT NULL PRIMARY KEY, owner_id int, owner_code varchar(10), tag_code varchar(10),
                    FOREIGN KEY (owner_id) REFERENCES owners (id), FOREIGN KEY (owner_code) REFERENCES owners (code),
                    FOREIGN KEY (tag_code) REFERENCES tags (code));
                INSERT INTO owners VALUES (1, 'a');
                INSERT INTO tags VALUES ('t');
                INSERT INTO pets VALUES (1, 1, 'a', 't');
                """);
        List<String> indexes = List.of(
                "KEY `owner_id` (`owner_id`)", "KEY `owner_code` (`owner_code`)", "KEY `tag_code` (`tag_code`)");
        assertEquals(indexes, indexes(), "as the server made them");
        Cli cli = new Cli(workDir);
        cli.configure(db.url(), "dev.retort.fixtures.scenarios.retypedkeysv2", "snake");
        cli.ok("baseline", "-m", "adopted", "--rev-id", "bbbb00000001");
        Cli.Result revision = cli.ok("revision", "--autogenerate", "-m", "retype", "--rev-id", "bbbb00000002");
        assertTrue(
                revision.out().contains("Detected keep index owner_id on pets as the table's own"), revision::toString);
        String written = cli.migration("bbbb00000002");
        for (String kept : List.of("owner_id", "owner_code", "tag_code"))
            assertTrue(written.contains("op.renameIndex(\"pets\", \"" + kept + "\", \"" + kept + "\");"), written);

        cli.ok("upgrade", "head");
        assertEquals(indexes, indexes(), "after the upgrade");
        assertEquals(ExitCode.OK, cli.run("check").code());
        cli.ok("downgrade", "bbbb00000001");
        assertEquals(indexes, indexes(), "after the downgrade");
    }

    /** The {@code KEY} lines of {@code pets}' {@code SHOW CREATE TABLE} (not its primary key or constraints). */
    private List<String> indexes() throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW CREATE TABLE pets")) {
            rs.next();
            return rs.getString(2)
                    .lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("KEY "))
                    .map(line -> line.replaceAll(",$", ""))
                    .toList();
        }
    }
}
