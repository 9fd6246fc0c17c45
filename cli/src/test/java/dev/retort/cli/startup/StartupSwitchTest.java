package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.cli.config.CacheDirectory;
import dev.retort.cli.config.SettingsLoader;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each switch turns its trick off, and the commands print the same with it off as on. */
class StartupSwitchTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    private static Map<String, String> off(String variable) {
        return Map.of(variable, "off");
    }

    @Test
    void eachSwitchTurnsItsTrickOff() {
        new Cli(workDir).configure(db, Shop.V1, "snake");
        for (String variable : List.of(StartupSwitch.DRIVER_PREWARM.variable(), StartupSwitch.ALL)) {
            assertTrue(DriverPrewarm.startFor("current", Map.of(), null));
            assertFalse(DriverPrewarm.startFor("current", off(variable), null), variable);
        }
        for (String variable : List.of(StartupSwitch.EARLY_READ.variable(), StartupSwitch.ALL)) {
            assertTrue(EarlyEntityRead.startFor("check", workDir, Map.of(), "check"));
            assertFalse(EarlyEntityRead.startFor("check", workDir, off(variable), "check"), variable);
            assertNull(
                    EarlyEntityRead.claim(
                            SettingsLoader.load(workDir, null, Map.of(), Map.of())
                                    .entities(CacheDirectory.of(Map.of())),
                            "public"),
                    variable);
        }
        for (String variable : List.of(StartupSwitch.HIBERNATE_PREWARM.variable(), StartupSwitch.ALL)) {
            assertTrue(HibernatePrewarm.start(Map.of()));
            assertFalse(HibernatePrewarm.start(off(variable)), variable);
        }
        List<Class<?>> all = Commands.subcommandClasses();
        for (String variable : List.of(StartupSwitch.ONE_SUBCOMMAND.variable(), StartupSwitch.ALL)) {
            assertEquals(1, OneSubcommand.toBuild("check", all, Map.of()).size());
            assertEquals(all, OneSubcommand.toBuild("check", all, off(variable)), variable);
        }
        assertTrue(StartupSwitch.ARCHIVE.isOn(Map.of()));
        assertFalse(StartupSwitch.ARCHIVE.isOn(off(StartupSwitch.ARCHIVE.variable())));
        assertFalse(StartupSwitch.ARCHIVE.isOn(off(StartupSwitch.ALL)));
        assertTrue(
                StartupSwitch.EARLY_READ.isOn(Map.of(StartupSwitch.EARLY_READ.variable(), "on")),
                "only off turns it off");
    }

    /**
     * The same commands with every trick on, each off, and all off: the same exit codes and output,
     * including the early read's fall-back to the warm-up when the configuration cannot be read.
     */
    @Test
    void theOutputIsTheSameWithEachSwitchOff() {
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        Cli.Result check = cli.run("check");
        assertEquals(ExitCode.FOUND, check.code(), check::toString);
        List<String> variables = new ArrayList<>();
        for (StartupSwitch each : StartupSwitch.values()) variables.add(each.variable());
        variables.add(StartupSwitch.ALL);
        String[][] commands = {
            {"check"},
            {"-x", "schemas=public", "check"},
            {"current"},
            {"heads"},
            {"history"},
            {"--help"},
            {"check", "--help"},
            {"nosuch"},
            {"-c", "missing.properties", "check"},
            {"upgrade", "head", "--sql"}
        };
        for (String[] args : commands) {
            Cli.Result on = cli.run(args);
            for (String variable : variables) {
                cli.environment.put(variable, "off");
                try {
                    assertEquals(on, cli.run(args), () -> variable + "=off: " + String.join(" ", args));
                } finally {
                    cli.environment.remove(variable);
                }
            }
        }
    }
}
