package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code schemas} in {@code retort.properties} of a MariaDB project, whose URL names its one database: every command
 * that reads it refuses it in one line (exit 2) before anything is created, where the commands that go through the
 * runtime once put the version table into a new database of that name.
 */
class MariaDbSchemasTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the test's databases are made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @TempDir
    Path workDir;

    Cli cli;
    String schema;

    @BeforeEach
    void project() {
        schema = db.name() + "_app";
        cli = new Cli(workDir);
        cli.configure(db.url(), Shop.V1, "snake");
        cli.write(
                "retort.properties",
                cli.read("retort.properties") + "dev.url = " + db.url() + "\nschemas = " + schema + "\n");
    }

    @AfterEach
    void dropWhatARunMayHaveCreated() throws SQLException {
        db.execute("DROP DATABASE IF EXISTS `" + schema + "`");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "upgrade head",
                "upgrade --sql base:head",
                "downgrade base",
                "current",
                "history -i",
                "stamp heads",
                "validate",
                "check",
                "check --dev",
                "revision -m x --autogenerate",
                "revision -m x --autogenerate --dev",
                "drift",
                "baseline -m first",
                "test",
                "lint"
            })
    void isRefusedInOneLineBeforeAnythingIsCreated(String command) throws SQLException {
        Cli.Result result = cli.run(command.split(" "));
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: schemas " + schema + ": a MariaDB URL names its one database, the default schema;"
                                + " leave schemas unset\n"),
                result);
        assertEquals(List.of(), strings("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"));
        assertEquals(List.of(), strings("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"));
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, sql.contains("TABLES") ? db.name() : schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) values.add(rs.getString(1));
            }
        }
        return values;
    }
}
