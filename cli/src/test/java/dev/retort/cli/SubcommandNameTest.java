package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

/** Which subcommand the arguments name: Main builds only that one, and starts the warm-ups it needs. */
class SubcommandNameTest {
    @Test
    void theFirstWordThatIsNeitherAnOptionNorAGlobalOptionsValue() {
        assertEquals("check", RetortCommand.subcommandName("check"));
        assertEquals("check", RetortCommand.subcommandName("-c", "other.properties", "check"));
        assertEquals("heads", RetortCommand.subcommandName("--url", "check", "heads"));
        assertEquals("upgrade", RetortCommand.subcommandName("-qc", "other.properties", "upgrade", "head"));
        assertEquals("current", RetortCommand.subcommandName("--config=other.properties", "-x", "schemas=a", "current"));
        assertEquals("revision", RetortCommand.subcommandName("--stacktrace", "revision", "-m", "check"));
    }

    @Test
    void noneWhenOnlyOptionsOrAfterTheEndOfOptions() {
        assertNull(RetortCommand.subcommandName());
        assertNull(RetortCommand.subcommandName("--help"));
        assertNull(RetortCommand.subcommandName("--user", "check"));
        assertNull(RetortCommand.subcommandName("--", "check"));
    }

    /** A global option added with a value must be known, or its value would be taken for the subcommand. */
    @Test
    void theOptionsWithValuesAreTheGlobalOptionsThatTakeOne() {
        Set<String> withValues = new TreeSet<>();
        for (Field field : RetortCommand.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null && field.getType() != boolean.class) withValues.addAll(Arrays.asList(option.names()));
        }
        assertEquals(withValues, new TreeSet<>(RetortCommand.OPTIONS_WITH_VALUES));
    }
}
