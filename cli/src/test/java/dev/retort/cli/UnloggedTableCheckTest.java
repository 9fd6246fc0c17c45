package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities are permanent tables: a table of theirs made unlogged by hand is a difference that
 * {@code check} reports and autogenerate turns back, through the real command line on a real database.
 */
class UnloggedTableCheckTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void aTableMadeUnloggedByHandIsReportedAndMadeLoggedAgain() throws SQLException {
        db.reset();
        Cli cli = new Cli(dir);
        cli.configure(db, Shop.V1, "snake");
        assertEquals(0, cli.run("revision", "--autogenerate", "-m", "create").code());
        assertEquals(0, cli.run("upgrade", "head").code());
        assertEquals(0, cli.run("check").code());
        db.execute("ALTER TABLE coupons SET UNLOGGED");

        Cli.Result check = cli.run("check");
        assertEquals(1, check.code(), check::toString);
        assertEquals(
                "New upgrade operations detected:\n"
                        + "  alter table persistence coupons: unlogged -> logged\n"
                        + "    HAZARD table-rewrite: making coupons logged rewrites the table under an ACCESS"
                        + " EXCLUSIVE lock\n",
                check.out());

        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "logged again");
        assertEquals(0, revision.code(), revision::toString);
        assertEquals(0, cli.run("upgrade", "head").code());
        assertEquals("p", persistence("coupons"));
        Cli.Result clean = cli.run("check");
        assertEquals(0, clean.code(), clean::toString);
        assertEquals(0, cli.run("downgrade", "-1").code());
        assertEquals("u", persistence("coupons"));
    }

    private static String persistence(String table) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT relpersistence FROM pg_class WHERE oid = 'public." + table + "'::regclass")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
