package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort baseline} on MariaDB: the url's database read by the MariaDB reader, written as the first revision and
 * stamped, with what only MariaDB keeps (engines, character sets, column options, index and unique key prefixes): a
 * database built from the revision is the adopted one, as {@code retort diff} between the two says.
 */
class MariaDbBaselineTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the test's databases are made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase(2);
    }

    @TempDir
    Path adopted;

    @TempDir
    Path fresh;

    @Test
    void aDatabaseIsAdoptedAndWhatTheMigrationCannotWriteIsNamed() throws Exception {
        db.execute(0, """
                CREATE TABLE t (id int PRIMARY KEY, s varchar(100) DEFAULT 'x', h int INVISIBLE, %s
                    at timestamp DEFAULT current_timestamp() ON UPDATE current_timestamp(),
                    g int AS (id + 1) VIRTUAL, KEY t_s (s(10)), UNIQUE KEY t_u (s(5)));
                CREATE TABLE c (id int PRIMARY KEY, t_id int, FOREIGN KEY (t_id) REFERENCES t (id));
                CREATE TABLE m (id int PRIMARY KEY) ENGINE = MyISAM;
                CREATE TABLE l (id int PRIMARY KEY, v varchar(10)) DEFAULT CHARSET = latin1 COLLATE = latin1_bin;
                INSERT INTO t (id) VALUES (1);
                """.formatted(db.isMySql() ? "" : "z blob COMPRESSED,"));
        Cli cli = project(adopted, 0);
        Cli.Result baseline = cli.run("baseline", "-m", "baseline", "--rev-id", "aaaa00000001");
        assertEquals(ExitCode.OK, baseline.code(), baseline::toString);
        assertEquals(
                List.of(),
                baseline.out().lines().filter(l -> l.startsWith("note: ")).toList(),
                baseline::toString);
        String revision;
        try (Stream<Path> written = Files.list(adopted.resolve("migrations"))) {
            revision = Files.readString(written.findFirst().orElseThrow());
        }
        List<String> stated = new ArrayList<>(List.of(
                "engine(\"MyISAM\")",
                "charset(\"latin1\", \"latin1_bin\")",
                ".onUpdate(\"current_timestamp()\")",
                ".virtual()",
                ".invisible()",
                "key(\"s\").prefix(10)",
                "unique(\"s\").named(\"t_u\").prefixes(5)"));
        // MySQL has no COMPRESSED column
        if (!db.isMySql()) stated.add(".compressed()");
        for (String word : stated) assertTrue(revision.contains(word), () -> word + " in\n" + revision);
        assertEquals("aaaa00000001 (head)\n", cli.run("current").out());
        Cli.Result again = cli.run("baseline", "-m", "again");
        assertEquals(ExitCode.ERROR, again.code(), again::toString);

        // the revision run on an empty database gives the adopted one
        Cli other = project(fresh, 1);
        try (Stream<Path> written = Files.list(adopted.resolve("migrations"))) {
            for (Path file : written.toList()) other.write("migrations/" + file.getFileName(), Files.readString(file));
        }
        Cli.Result up = other.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        Cli.Result diff = other.run("diff", "--from", db.url(1), "--to", db.url(0));
        assertEquals(new Cli.Result(ExitCode.OK, "No differences.\n", ""), diff);
    }

    @Test
    void aDatabaseRetortManagesOrAnEmptyOneIsRefused() {
        Cli cli = project(adopted, 0);
        Cli.Result empty = cli.run("baseline", "-m", "baseline");
        assertEquals(ExitCode.ERROR, empty.code(), empty::toString);
        assertEquals(true, empty.err().contains("has nothing to adopt"), empty::toString);
    }

    private Cli project(Path dir, int database) {
        Cli cli = new Cli(dir);
        cli.write("retort.properties", "url = " + db.url(database) + "\nmigrations.dir = migrations\n");
        return cli;
    }
}
