package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.config.Settings;
import dev.retort.cli.startup.warmup.Account;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every list the start-up tricks keep by hand, and every name they spell, in step with the commands
 * and options of {@code dev.retort.cli} and with the launcher: a command or option added, renamed or
 * removed fails here until the tricks know of it.
 */
class InStepTest {
    /** The subcommands that connect to a database; the others are DriverPrewarm.OFFLINE. */
    private static final Set<String> CONNECTING = Set.of(
            "revision",
            "upgrade",
            "downgrade",
            "current",
            "history",
            "stamp",
            "check",
            "validate",
            "diff",
            "baseline",
            "drift",
            "test");

    /** A global option added with a value must be known, or its value would be taken for the subcommand. */
    @Test
    void theOptionsWithValuesAreTheGlobalOptionsThatTakeOne() {
        assertEquals(Commands.options(Commands.root(), true), new TreeSet<>(QuickLook.OPTIONS_WITH_VALUES));
    }

    /** The quick look reads {@code -qc FILE} as a cluster of short options: each is one lower-case letter. */
    @Test
    void shortGlobalOptionsAreSingleLowerCaseLetters() {
        for (String option : Commands.globalOptions()) {
            if (!option.startsWith("--")) assertTrue(option.matches("-[a-z]"), option);
        }
    }

    @Test
    void everySubcommandIsKnownToConnectOrNot() {
        Set<String> names = Commands.subcommands().keySet();
        assertTrue(
                names.containsAll(DriverPrewarm.OFFLINE),
                () -> "DriverPrewarm.OFFLINE names no subcommand: " + DriverPrewarm.OFFLINE);
        Set<String> classified = new TreeSet<>(DriverPrewarm.OFFLINE);
        classified.addAll(CONNECTING);
        assertEquals(
                new TreeSet<>(names),
                classified,
                "a subcommand that never connects belongs in DriverPrewarm.OFFLINE, one that does in CONNECTING here");
        assertTrue(DriverPrewarm.OFFLINE.stream().noneMatch(CONNECTING::contains));
    }

    @Test
    void theEarlyReadNamesRealCommandsAndOptions() {
        Map<String, Class<?>> subcommands = Commands.subcommands();
        assertTrue(subcommands.containsKey(EarlyEntityRead.CHECK));
        assertTrue(subcommands.containsKey(EarlyEntityRead.REVISION));
        assertTrue(Commands.options(subcommands.get(EarlyEntityRead.REVISION), false)
                .contains(EarlyEntityRead.AUTOGENERATE));
        // every global option with a value, but the connection's, can change the entities or the default schema
        Set<String> read =
                new TreeSet<>(List.of(EarlyEntityRead.CONFIG, EarlyEntityRead.CONFIG_LONG, EarlyEntityRead.OVERRIDE));
        Set<String> others = new TreeSet<>(Commands.options(Commands.root(), true));
        others.removeAll(Set.of("--url", "--user", "--password"));
        assertEquals(others, read);
    }

    @Test
    void oneSubcommandFindsEachSubcommandByItsName() {
        List<Class<?>> all = Commands.subcommandClasses();
        Commands.subcommands()
                .forEach((name, type) -> assertEquals(List.of(type), OneSubcommand.toBuild(name, all, Map.of()), name));
        assertEquals(all, OneSubcommand.toBuild(null, all, Map.of()));
        assertEquals(all, OneSubcommand.toBuild("nosuch", all, Map.of()));
    }

    @Test
    void theWarmUpEntitiesAreThoseBundled() {
        assertEquals(List.of(Account.class.getPackageName()), HibernatePrewarm.WARMUP.packages());
    }

    /** The launcher starts the training run by its class name and reads the archive's switch by its variable. */
    @Test
    void theLauncherNamesTheTrainingRunAndTheArchivesSwitch() throws IOException {
        String launcher = Files.readString(
                Path.of(System.getProperty("retort.repository.root", "..")).resolve("retort"));
        assertTrue(launcher.contains(" " + Warmup.class.getName() + " "), "./retort names " + Warmup.class.getName());
        assertTrue(
                launcher.contains("${" + StartupSwitch.ARCHIVE.variable() + ":-on}\" != off"),
                StartupSwitch.ARCHIVE.variable());
        assertTrue(launcher.contains("${" + StartupSwitch.ALL + ":-on}\" != off"), StartupSwitch.ALL);
    }

    /** The switches are the start-up's own variables, none a configuration key's. */
    @Test
    void theSwitchesAreNotConfigurationKeys() {
        Set<String> keys = Settings.KEYS.stream().map(Settings::environmentName).collect(Collectors.toSet());
        for (StartupSwitch each : StartupSwitch.values()) {
            assertTrue(each.variable().startsWith(StartupSwitch.ALL + "_"), each.variable());
            assertTrue(!keys.contains(each.variable()), each.variable());
        }
        assertTrue(!keys.contains(StartupSwitch.ALL));
        assertEquals(
                StartupSwitch.values().length,
                Arrays.stream(StartupSwitch.values())
                        .map(StartupSwitch::variable)
                        .distinct()
                        .count());
    }
}
