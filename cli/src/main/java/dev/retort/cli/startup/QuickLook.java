package dev.retort.cli.startup;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A quick look at the arguments, before picocli parses them, for the start-up tricks: which
 * subcommand they name. It knows the global options that take a value by a list, checked against
 * {@code RetortCommand}'s options by {@code QuickLookTest}: reading the annotations at start-up
 * would cost what the tricks save.
 */
public final class QuickLook {
    /** The global options that take a value in the next argument (unless written {@code --option=value}). */
    static final Set<String> OPTIONS_WITH_VALUES = Set.of("-c", "--config", "--url", "--user", "--password", "-x");

    /** Clustered short options whose last takes the next argument as its value, as in {@code -qc FILE}. */
    private static final String CLUSTERED_VALUE = "-[a-z]*["
            + OPTIONS_WITH_VALUES.stream()
                    .filter(option -> option.length() == 2)
                    .map(option -> option.substring(1))
                    .sorted()
                    .collect(Collectors.joining())
            + "]";

    private QuickLook() {}

    /**
     * The subcommand the arguments name: the first argument that is neither an option nor a global
     * option's value; null when there is none.
     */
    public static String subcommandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals("--")) return null;
            if (!argument.startsWith("-")) return argument;
            if (OPTIONS_WITH_VALUES.contains(argument) || argument.matches(CLUSTERED_VALUE)) i++;
        }
        return null;
    }
}
