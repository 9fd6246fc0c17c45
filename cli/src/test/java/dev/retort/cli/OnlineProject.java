package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.online.Account;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The online fixture's project on a test database with rows, which the online-form scenario tests start from. */
final class OnlineProject {
    /** 100 owners and 5,000 accounts. */
    static final String ROWS = """
            INSERT INTO owners (id, name) SELECT i, 'owner ' || i FROM generate_series(1, 100) i;
            INSERT INTO accounts (id, email, region, balance, owner_id)
                SELECT i, 'a' || i || '@example.com', 'r' || (i % 7), i % 100, i % 100 + 1
                FROM generate_series(1, 5000) i""";

    private OnlineProject() {}

    /** The entities' schema from a plain first revision, applied, with rows, and then {@code undo} run by hand. */
    static Cli start(TestDatabase db, Path dir, String undo) throws SQLException {
        db.reset();
        Cli cli = new Cli(dir);
        cli.configure(db, Account.PACKAGE, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        db.execute(ROWS);
        db.execute(undo);
        return cli;
    }

    /** Turns {@code safety = online} on. */
    static void online(Cli cli) {
        cli.write("retort.properties", cli.read("retort.properties") + "safety = online\n");
    }

    /** The migration file written last (the one that is not the first revision). */
    static Path newest(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            List<Path> all = files.filter(f -> !f.getFileName().toString().contains("_Create"))
                    .toList();
            assertEquals(1, all.size(), all::toString);
            return all.get(0);
        }
    }

    /** The revision id a migration file declares. */
    static String revisionId(Path file) throws IOException {
        Matcher id = Pattern.compile("id = \"([0-9a-f]{12})\"").matcher(Files.readString(file));
        assertTrue(id.find(), file::toString);
        return id.group(1);
    }
}
