package dev.retort.cli.startup;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Builds picocli's model of only the subcommand the arguments name ({@link QuickLook#subcommandName}),
 * and of all of them only when none is named (for help, and for picocli's errors and suggestions).
 *
 * <p>Measured gain: building the model of all fifteen added about 40 ms to every command's start on
 * the benchmark machine. Switch: {@code RETORT_STARTUP_ONE_SUBCOMMAND=off} builds all of them
 * always ({@link StartupSwitch#ONE_SUBCOMMAND}).
 */
public final class OneSubcommand {
    private OneSubcommand() {}

    /** The subcommands to build, out of all of them (each a picocli {@link Command}) in the order help lists them. */
    public static List<Class<?>> toBuild(String name, List<Class<?>> all, Map<String, String> environment) {
        if (!StartupSwitch.ONE_SUBCOMMAND.isOn(environment)) return all;
        for (Class<?> subcommand : all) {
            if (subcommand.getAnnotation(Command.class).name().equals(name)) return List.of(subcommand);
        }
        return all;
    }
}
